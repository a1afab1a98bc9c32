"""What touches which tag (``pagecache.tags``) when rows change.

The catalogue's own receivers (``catalogue.browse_cache``) touch ``catalogue`` for
anything listings show. Here: everything Wagtail publishes touches ``site``; everything a
card shows touches its product (``cards`` for what every card reads), so a change keeps
the other products' cards. Bulk ``update()`` calls send no signal: the services
that make them touch their products themselves (``experiences.booking``,
``seller.experience_schedules``, ``order.refunds``).
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import tags

# Apps whose rows make up the Wagtail pages, menus, footer and settings.
SITE_APPS = {
    "cms",
    "profiles",
    "villages",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
    "taggit",
}
# Made while pages are served (renditions on first use): changing nothing anyone sees.
NOT_SHOWN = {("wagtailimages", "rendition"), ("wagtailcore", "modellogentry")}


def _site(sender, raw=False, **kwargs):
    meta = sender._meta
    if (
        not raw
        and meta.app_label in SITE_APPS
        and (meta.app_label, meta.model_name) not in NOT_SHOWN
    ):
        tags.touch(tags.SITE)


def _product(sender, instance, raw=False, **kwargs):
    if not raw and instance.product_id:
        tags.touch(tags.product(instance.product_id))


def _listed(sender, instance, raw=False, **kwargs):
    # Whether the product is for sale at all (approval, on sale, certificate).
    if not raw and instance.product_id:
        tags.touch(tags.product(instance.product_id), tags.CATALOGUE)


def _listing(sender, instance, raw=False, created=False, **kwargs):
    if instance.sale_changed(created):
        _listed(sender, instance, raw=raw)


def _product_itself(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        tags.touch(tags.product(instance.pk), tags.CATALOGUE)


def _catalogue(sender, raw=False, **kwargs):
    if not raw:
        tags.touch(tags.CATALOGUE)


def _producer(sender, instance, raw=False, **kwargs):
    # Its name is on the cards of its products, and the site search finds its page by it.
    if not raw and instance.pk:
        StockRecord = apps.get_model("partner", "StockRecord")
        products = StockRecord.objects.filter(partner=instance).values_list("product_id", flat=True)
        tags.touch(tags.PRODUCERS, *(tags.product(pk) for pk in set(products)))


def _every_card(sender, raw=False, **kwargs):
    # Product classes and options decide which cards offer a basket button.
    if not raw:
        tags.touch(tags.CARDS)


def _experience(sender, instance, raw=False, **kwargs):
    # Listed, and sold by its schedule: the listings and its product's card and page.
    if not raw:
        tags.touch(tags.CATALOGUE, tags.product(instance.product_id))


def _experience_part(sender, instance, raw=False, **kwargs):
    if not raw:
        tags.touch(tags.CATALOGUE)
        experience_products(experience_ids=[instance.experience_id])


def experience_products(slot_ids=None, experience_ids=None):
    """Touch the experience products of these slots or experiences (places left)."""
    Experience = apps.get_model("experiences", "Experience")
    experiences = Experience.objects.all()
    if slot_ids is not None:
        experiences = experiences.filter(slots__in=slot_ids)
    if experience_ids is not None:
        experiences = experiences.filter(pk__in=experience_ids)
    products = set(experiences.values_list("product_id", flat=True))
    tags.touch(*(tags.product(pk) for pk in products))


def _slot(sender, instance, raw=False, **kwargs):
    if not raw:
        experience_products(experience_ids=[instance.experience_id])


def _booking(sender, instance, raw=False, **kwargs):
    if not raw:
        experience_products(slot_ids=[instance.slot_id])


def connect():
    uid = "pagecache.invalidation"
    m2m_changed.connect(
        _every_card,
        sender=apps.get_model("catalogue.ProductClass").options.through,
        dispatch_uid=f"{uid}.productclass.options",
    )
    listing = apps.get_model("seller.Listing")
    post_save.connect(_listing, sender=listing, dispatch_uid=f"{uid}.listing.save")
    post_delete.connect(_listed, sender=listing, dispatch_uid=f"{uid}.listing.delete")
    for signal in (post_save, post_delete):
        name = "save" if signal is post_save else "delete"
        signal.connect(_site, dispatch_uid=f"{uid}.site.{name}")
        for label, receiver in (
            ("partner.StockRecord", _product),
            ("catalogue.OcopCertificate", _listed),
            ("catalogue.Product", _product_itself),
            ("catalogue.ProductImage", _product),
            ("partner.Partner", _producer),
            ("catalogue.ProductClass", _every_card),
            ("catalogue.Option", _every_card),
            ("experiences.Experience", _experience),
            ("experiences.Schedule", _experience_part),
            ("experiences.ClosedDay", _experience_part),
            ("experiences.Slot", _slot),
            ("experiences.Booking", _booking),
        ):
            signal.connect(
                receiver, sender=apps.get_model(label), dispatch_uid=f"{uid}.{label}.{name}"
            )
