"""What the producer pages list, read live and in a fixed number of queries.

Unknown or malformed filter values are ignored (the full list shows), never an error.
"""

from django.db.models import Prefetch
from oscar.core.loading import get_model
from wagtail.images import get_image_model

import params
import places
from cms.image_renditions import CARD_SPECS
from cms.locales import children_in_locale, in_active_locale
from cms.maps import marker, markers
from cms.promotions import best_rated, products_for_cards
from cms.visibility import public
from partner.choices import ProducerKind

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

PRODUCTS_LIMIT = 24


def producer_listing(index_page, query):
    """Context for the index: ``producers``, map markers, filter options and choices."""
    from .models import ProducerPage

    every = public(children_in_locale(ProducerPage, index_page))
    present = set(every.values_list("partner__commune_code", flat=True)) - {"", None}
    communes = sorted(((code, places.ward_name(code)) for code in present), key=lambda c: c[1])
    commune = params.choice(query, "xa", {code for code, _name in communes})
    kind = params.choice(query, "loai", set(ProducerKind.values))

    producers = every
    if commune:
        producers = producers.filter(partner__commune_code=commune)
    if kind:
        producers = producers.filter(partner__kind=kind)
    images = get_image_model().objects.prefetch_renditions(*CARD_SPECS)
    producers = list(
        producers.select_related("partner")
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("title")
    )
    return {
        "producers": producers,
        "map_markers": markers(
            marker(
                page.title,
                page.url,
                page.partner.latitude,
                page.partner.longitude,
                page.partner.get_kind_display(),
            )
            for page in producers
        ),
        "commune_options": communes,
        "kind_options": ProducerKind.choices,
        "selected_commune": commune,
        "selected_kind": kind,
        "is_filtered": bool(commune or kind),
    }


def producer_products(partner, limit=PRODUCTS_LIMIT):
    """The producer's public products with a certificate in force, best rated first,
    ready for product cards (price, stock, stars)."""
    offered = StockRecord.objects.filter(partner=partner).values("product_id")
    certified = (
        Product.objects.browsable().with_rating().filter(pk__in=offered, ocop_stars__isnull=False)
    )
    ids = list(best_rated(certified).values_list("pk", flat=True)[:limit])
    cards = products_for_cards(ids)
    return [cards[pk] for pk in ids if pk in cards]


def producer_villages(partner):
    """Live village pages that list this producer among theirs."""
    from villages.models import VillagePage

    villages = public(VillagePage.objects.live()).filter(producers__partner=partner).distinct()
    return list(in_active_locale(villages))
