"""Loads the sample Cần Thơ of ``demo.data`` into the database, idempotently.

Every record is found again by a stable key (a partner's and a product's ``code``, a
stock record's SKU, a certificate's sample decision number, a page's slug, an image's
file path, a user's email). What exists is left as it is, so a second run creates
nothing and an edit made in the admins survives a re-run; what is missing is added, so
data added here by later features reaches databases that already hold the demo.
Image files are written only when missing, so re-runs never add files either.
"""

import zlib
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.core.utils import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Site

import places
from catalogue import reference
from catalogue.certification import VALIDITY_MONTHS, stars_for_score
from catalogue.choices import IssuingLevel
from catalogue.roles import ensure_groups
from cms.models import HomePage, HomePinnedProduct
from cms.moderation import ensure_moderation
from cms.programme import ensure_programme_page
from cms.site_domain import sync_site_from_settings
from villages.models import VillageIndexPage, VillagePage, VillageProducer

from . import data, images, products_en
from .experiences import DemoExperiences
from .orders import DemoOrders
from .pages import StoryPages
from .translations import EnglishPages

Category = get_model("catalogue", "Category")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
WagtailImage = get_image_model()

KEY_PREFIX = "demo-"
PRODUCT_IMAGE_DIR = "images/products/demo"
WAGTAIL_IMAGE_DIR = "original_images/demo"
# A placeholder domain (RFC 2606) so no sample code points at a real traceability portal.
TRACEABILITY_URL = "https://truy-xuat.example.com/ma/{code}"

# Since 1 July 2025 the merged city certifies; before, each former province did.
MERGER = date(2025, 7, 1)
# The ministries of agriculture and of environment merged on 1 March 2025.
MINISTRY_MERGER = date(2025, 3, 1)
FORMER_PROVINCE_BODY = {
    data.CAN_THO: "UBND thành phố Cần Thơ",
    data.SOC_TRANG: "UBND tỉnh Sóc Trăng",
    data.HAU_GIANG: "UBND tỉnh Hậu Giang",
}


def _commune_codes():
    # Package names carry stray double spaces ("Xã  Phú Hữu"): compare them collapsed.
    return {" ".join(name.split()): code for code, name in places.wards()}


def sample_decision_prefix(product_key, index):
    """The stable start of a sample decision number: "MẪU-<n>/", the same on every run."""
    number = 100 + zlib.crc32(f"{product_key}:{index}".encode()) % 9900
    return f"MẪU-{number}/"


class DemoLoader:
    """Loads everything in ``demo.data``; ``run()`` returns what it created, by kind."""

    def __init__(self, today=None, password=data.DEMO_PASSWORD):
        self.today = today or timezone.localdate()
        self.password = password
        self.created = Counter()
        self.communes = _commune_codes()

    def run(self):
        reference.load_all()
        with transaction.atomic():
            self.classes = {c.slug: c for c in ProductClass.objects.all()}
            self.categories = {c.code: c for c in Category.objects.exclude(code=None)}
            self.partners = {spec.key: self.producer(spec) for spec in data.PRODUCERS}
            self.products = {spec.key: self.product(spec) for spec in data.all_products()}
            home = self.home_page()
            index = self.village_index(home)
            for spec in data.VILLAGES:
                self.village(index, spec)
            DemoExperiences(self).run()  # details, schedules, slots, sample bookings
            ensure_programme_page()
            self.accounts()
            # Profiles, product stories, news and content pages, owned by the producers'
            # accounts; then who may edit them and the officers' approval workflow.
            story_pages = StoryPages(self, home)
            story_pages.run()
            # ... and their English translations (demo.translations).
            EnglishPages(self, story_pages).run()
            ensure_moderation()
            self.sites()
            DemoOrders(self).run()
        return self.created

    # Commerce

    def commune_code(self, name):
        try:
            return self.communes[name]
        except KeyError:
            raise ValueError(f"{name!r} is not a commune or ward of Cần Thơ") from None

    def producer(self, spec):
        code = KEY_PREFIX + spec.key
        partner = Partner.objects.filter(code=code).first()
        if partner:
            return partner
        partner = Partner(
            code=code,
            name=spec.name,
            kind=spec.kind,
            commune_code=self.commune_code(spec.commune),
            street_address=spec.street,
            phone=spec.phone,
            latitude=Decimal(spec.lat),
            longitude=Decimal(spec.lng),
        )
        partner.full_clean()
        partner.save()
        self.created["producers"] += 1
        return partner

    def product(self, spec):
        code = KEY_PREFIX + spec.key
        product = Product.objects.filter(code=code).first()
        if product is None:
            experience = isinstance(spec, data.Experience)
            product = Product(
                code=code,
                title=spec.title,
                slug=slugify(spec.title),
                product_class=self.classes[
                    reference.EXPERIENCE["slug"] if experience else reference.GOODS["slug"]
                ],
                description=f"<p>{spec.description}</p>",
                traceability_code=spec.traceability,
                traceability_url=(
                    TRACEABILITY_URL.format(code=slugify(spec.traceability))
                    if spec.traceability
                    else ""
                ),
            )
            product.full_clean()
            product.save()
            self.created["experiences" if experience else "products"] += 1
        self.product_english(product, spec)
        _, created = ProductCategory.objects.get_or_create(
            product=product, category=self.categories[spec.category]
        )
        self.created["product categories"] += created
        self.stock_record(product, spec)
        self.product_image(product, spec)
        self.certificates(product, spec)
        return product

    def product_english(self, product, spec):
        """Fill English that is still missing, so an older demo database gets it too;
        English someone has written since is kept."""
        title, description = products_en.PRODUCTS_EN[spec.key]
        missing = {
            name: value
            for name, value in (("title_en", title), ("description_en", f"<p>{description}</p>"))
            if not getattr(product, name)
        }
        if missing:
            for name, value in missing.items():
                setattr(product, name, value)
            product.save(update_fields=[*missing, "date_updated"])
            self.created["english texts"] += 1

    def stock_record(self, product, spec):
        _, created = StockRecord.objects.get_or_create(
            partner=self.partners[spec.producer],
            partner_sku=spec.key,
            defaults={
                "product": product,
                "price": Decimal(spec.price),
                "price_currency": settings.OSCAR_DEFAULT_CURRENCY,
                "num_in_stock": spec.stock,
            },
        )
        self.created["stock records"] += created

    def product_image(self, product, spec):
        code = KEY_PREFIX + spec.key
        path = f"{PRODUCT_IMAGE_DIR}/{spec.key}-{images.CARD_STYLE}.jpg"
        existing = ProductImage.objects.filter(code=code).first()
        if existing and existing.original.name == path:
            return
        group = spec.category.split(".")[0]
        self.ensure_file(path, lambda: images.product_card(spec.key, spec.title, group))
        if existing:
            # An earlier demo's drawing gets the new one; a picture someone uploaded stays.
            if existing.original.name.startswith(f"{PRODUCT_IMAGE_DIR}/{spec.key}-"):
                existing.original = path
                existing.save(update_fields=["original"])
                self.created["product images redrawn"] += 1
            return
        ProductImage.objects.create(
            product=product, code=code, original=path, caption=spec.title, display_order=0
        )
        self.created["product images"] += 1

    def certificates(self, product, spec):
        partner_spec = next(p for p in data.PRODUCERS if p.key == spec.producer)
        saved = []
        for index, cert in enumerate(spec.certs):
            prefix = sample_decision_prefix(spec.key, index)
            existing = OcopCertificate.objects.filter(
                product=product, decision_number__startswith=prefix
            ).first()
            if existing is None:
                existing = self.certificate(product, cert, prefix, partner_spec, saved)
            saved.append(existing)

    def certificate(self, product, cert, prefix, producer, earlier):
        score = Decimal(cert.score)
        stars = stars_for_score(score)
        if cert.on:
            decided = cert.on
        elif cert.expires_in is not None:
            decided = (
                self.today + timedelta(days=cert.expires_in) - relativedelta(months=VALIDITY_MONTHS)
            )
        else:
            decided = self.today - timedelta(days=cert.days_ago)
        level = cert.level or (IssuingLevel.CENTRAL if stars == 5 else IssuingLevel.CITY)
        if cert.body:
            body, suffix = cert.body, "QĐ-UBND"
        elif level == IssuingLevel.CENTRAL and decided >= MINISTRY_MERGER:
            body, suffix = "Bộ Nông nghiệp và Môi trường", "QĐ-BNNMT"
        elif level == IssuingLevel.CENTRAL:
            body, suffix = "Bộ Nông nghiệp và Phát triển Nông thôn", "QĐ-BNN-VPĐP"
        else:
            province = data.CAN_THO if decided >= MERGER else producer.former
            body, suffix = FORMER_PROVINCE_BODY[province], "QĐ-UBND"
        certificate = OcopCertificate(
            product=product,
            score=score,
            stars=stars,
            level=level,
            issuing_body=body,
            decision_number=prefix + suffix,
            decision_date=decided,
            revoked_on=(
                self.today - timedelta(days=cert.revoked_days_ago)
                if cert.revoked_days_ago is not None
                else None
            ),
            revocation_reason=cert.revocation_reason,
            sale_during_renewal=cert.sale_during_renewal,
            renews=earlier[cert.renews] if cert.renews is not None else None,
        )
        certificate.full_clean()
        certificate.save()
        self.created["certificates"] += 1
        return certificate

    # Files

    def ensure_file(self, path, draw):
        """Write a generated file unless it is already there (from an earlier run)."""
        if not default_storage.exists(path):
            saved_as = default_storage.save(path, ContentFile(draw()))
            if saved_as != path:  # another process wrote it meanwhile: keep one copy
                default_storage.delete(saved_as)
            self.created["files"] += 1

    def wagtail_image(self, key, title, draw, style=None):
        """The Wagtail image drawn for ``key``. With a ``style``, an image of an earlier
        style is redrawn in place, so the pages that show it show the new drawing."""
        path = f"{WAGTAIL_IMAGE_DIR}/{key}" + (f"-{style}.jpg" if style else ".jpg")
        image = WagtailImage.objects.filter(file=path).first()
        if image:
            return image
        self.ensure_file(path, draw)
        with default_storage.open(path) as f:
            width, height = PILImage.open(f).size
        older = [f"{WAGTAIL_IMAGE_DIR}/{key}.jpg"]
        older += [f"{WAGTAIL_IMAGE_DIR}/{key}-{n}.jpg" for n in range(1, style or 0)]
        image = WagtailImage.objects.filter(file__in=older).first() if style else None
        if image:
            image.renditions.all().delete()
            image.file, image.width, image.height = path, width, height
            image.file_hash = ""
            image._set_image_file_metadata()
            image.save()
            self.created["cms images redrawn"] += 1
            return image
        image = WagtailImage(title=title, file=path, width=width, height=height)
        image._set_image_file_metadata()
        image.save()
        self.created["cms images"] += 1
        return image

    # Pages

    def publish(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["pages"] += 1
        return page

    def home_page(self):
        home = HomePage.objects.first()
        if home is None:
            spec = data.HOME
            home = HomePage(
                title=spec["title"],
                slug=spec["slug"],
                hero_title=spec["hero_title"],
                hero_text=spec["hero_text"],
                intro=spec["intro"],
                hero_image=self.wagtail_image(
                    "trang-chu", spec["hero_title"], lambda: images.hero_scene("trang-chu")
                ),
            )
            home.pinned_products = [
                HomePinnedProduct(product=self.products[key], sort_order=i)
                for i, key in enumerate(spec["pinned"])
            ]
            root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
            self.publish(root, home)
        self.make_site_root(home)
        return home

    def make_site_root(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",  # sync_site_from_settings() sets SITE_URL's host
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=data.SITE_NAME,
            )
            return
        if site.root_page_id == home.pk:
            return
        previous = site.root_page
        site.root_page = home
        site.site_name = site.site_name or data.SITE_NAME
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" is a bare Page: replace it, but
        # never delete a real page someone made.
        if (
            previous.specific_class is Page
            and previous.is_leaf()
            and not Site.objects.filter(root_page=previous).exists()
        ):
            previous.delete()

    def village_index(self, home):
        index = VillageIndexPage.objects.first()
        if index is None:
            spec = data.VILLAGE_INDEX
            index = self.publish(
                home, VillageIndexPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
            )
        return index

    def village(self, index, spec):
        image = self.wagtail_image(
            spec.slug,
            spec.title,
            lambda: images.village_scene(spec.slug, spec.motif),
            images.SCENE_STYLE,
        )
        if VillagePage.objects.child_of(index).filter(slug=spec.slug).exists():
            return
        page = VillagePage(
            title=spec.title,
            slug=spec.slug,
            kind=spec.kind,
            commune_code=self.commune_code(spec.commune),
            summary=spec.summary,
            body=spec.body,
            latitude=Decimal(spec.lat),
            longitude=Decimal(spec.lng),
            opening_hours=spec.opening_hours,
            ocop_product=self.products[spec.ocop_product] if spec.ocop_product else None,
            image=image,
        )
        page.producers = [
            VillageProducer(partner=self.partners[key], sort_order=i)
            for i, key in enumerate(spec.producers)
        ]
        self.publish(index, page)

    # People and sites

    def accounts(self):
        # The groups and their permissions are the reference roles (catalogue.roles);
        # producers run their shop in the seller area, not in Oscar's dashboard, whose
        # product form could publish a product without an officer's approval.
        officers, producers = ensure_groups()
        User = get_user_model()
        for spec in data.ACCOUNTS:
            user = User.objects.filter(email__iexact=spec.email).first()
            if user is None:
                user = User(
                    username=spec.email,
                    email=spec.email,
                    first_name=spec.first_name,
                    last_name=spec.last_name,
                    # Officers reach the commerce dashboard (staff) but hold only their
                    # group's permissions: a sample account must never be a superuser.
                    is_staff=spec.officer,
                    is_superuser=False,
                )
                user.set_password(self.password)
                user.save()
                self.created["users"] += 1
            elif user.is_superuser:
                # Demo data loaded before officers stopped being superusers.
                user.is_superuser = False
                user.save(update_fields=["is_superuser"])
            user.groups.add(officers if spec.officer else producers)
            if spec.producer:
                self.partners[spec.producer].users.add(user)

    def sites(self):
        sync_site_from_settings()
