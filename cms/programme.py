"""The programme's progress, counted live, and the programme page's place in the tree.

Every count is read from the catalogue and the village pages when the page is viewed,
for today: a certificate that expired yesterday no longer counts.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue.certification import star_label
from partner.choices import ProducerKind
from villages.choices import VillageKind

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Partner = get_model("partner", "Partner")

# Cooperatives, cooperative groups and enterprises are the plan's "economic
# organisations"; household businesses are counted apart.
ORGANISATION_KINDS = [
    ProducerKind.COOPERATIVE,
    ProducerKind.COOPERATIVE_GROUP,
    ProducerKind.ENTERPRISE,
]
TOURISM_VILLAGE_KINDS = [VillageKind.TOURISM, VillageKind.COMMUNITY, VillageKind.CRAFT]
CERTIFIED_STARS = (3, 4, 5)

PROGRAMME_SLUG = "chuong-trinh-ocop"
PROGRAMME_TITLE = "Chương trình OCOP Cần Thơ"


@dataclass
class Bar:
    """One bar of a chart: a label, a count and its length against the longest bar."""

    label: str
    count: int
    percent: int
    key: str = ""


@dataclass
class Indicator:
    """A target of the plan beside the live count."""

    label: str
    target: int
    actual: int

    @property
    def reached(self):
        return self.actual >= self.target

    @property
    def percent(self):
        if not self.target:
            return 100
        return min(100, round(self.actual * 100 / self.target))


@dataclass
class Progress:
    certified_products: int
    five_star_products: int
    organisations: int
    households: int
    tourism_villages: int
    cultural_villages: int
    by_group: list
    by_stars: list
    targets_2020: list
    targets_2030: list

    @property
    def by_year(self):
        return [(2020, self.targets_2020), (2030, self.targets_2030)]


def _bars(counts):
    """[(label, count, key)] → bars scaled to the largest count."""
    longest = max((count for _label, count, _key in counts), default=0) or 1
    return [Bar(label, count, round(count * 100 / longest), key) for label, count, key in counts]


def certified_product_ids(on=None):
    return OcopCertificate.objects.certified(on).values("product")


def star_counts(on=None):
    """{stars: products} with each product counted once, at its current rating."""
    rows = (
        Product.objects.certified(on).order_by().values("ocop_stars").annotate(products=Count("pk"))
    )
    counts = {stars: 0 for stars in CERTIFIED_STARS}
    counts.update({row["ocop_stars"]: row["products"] for row in rows})
    return counts


def group_counts(groups, on=None):
    """{group path: certified products} for the top-level groups, in one query."""
    steplen = Category.steplen
    rows = (
        ProductCategory.objects.filter(product__in=certified_product_ids(on))
        .annotate(group_path=Substr("category__path", 1, steplen))
        .order_by()
        .values("group_path")
        .annotate(products=Count("product", distinct=True))
    )
    counts = {row["group_path"]: row["products"] for row in rows}
    return {group.path: counts.get(group.path, 0) for group in groups}


def producer_counts(on=None):
    """(economic organisations, households) with at least one certified product."""
    has_certified = Exists(
        Product.objects.filter(
            stockrecords__partner=OuterRef("pk"), pk__in=certified_product_ids(on)
        )
    )
    rows = (
        Partner.objects.filter(has_certified)
        .order_by()
        .values("kind")
        .annotate(producers=Count("pk"))
    )
    by_kind = {row["kind"]: row["producers"] for row in rows}
    organisations = sum(by_kind.get(kind, 0) for kind in ORGANISATION_KINDS)
    return organisations, by_kind.get(ProducerKind.HOUSEHOLD, 0)


def village_counts():
    """(tourism villages, cultural tourism villages) among live village pages."""
    from villages.models import VillagePage

    from .locales import in_active_locale

    # Villages, not their translations: the Vietnamese source pages.
    rows = (
        in_active_locale(VillagePage.objects.live(), "vi")
        .order_by()
        .values("kind")
        .annotate(pages=Count("pk"))
    )
    by_kind = {row["kind"]: row["pages"] for row in rows}
    tourism = sum(by_kind.get(kind, 0) for kind in TOURISM_VILLAGE_KINDS)
    return tourism, by_kind.get(VillageKind.CULTURAL, 0)


def programme_progress(page, on=None):
    """The plan's targets (from ``page``, a ProgrammePage) beside today's counts."""
    stars = star_counts(on)
    certified = sum(stars.values())
    groups = list(Category.objects.filter(depth=1).order_by("path"))
    per_group = group_counts(groups, on)
    organisations, households = producer_counts(on)
    tourism, cultural = village_counts()
    return Progress(
        certified_products=certified,
        five_star_products=stars[5],
        organisations=organisations,
        households=households,
        tourism_villages=tourism,
        cultural_villages=cultural,
        by_group=_bars([(g.display_name, per_group[g.path], g.code) for g in groups]),
        by_stars=_bars([(star_label(s), stars[s], str(s)) for s in CERTIFIED_STARS]),
        targets_2020=[
            Indicator(_("Sản phẩm OCOP đạt chuẩn"), page.target_2020_products, certified),
            Indicator(
                _("Tổ chức kinh tế có sản phẩm OCOP"),
                page.target_2020_organisations,
                organisations,
            ),
            Indicator(
                _("Làng du lịch gắn với sản phẩm địa phương"),
                page.target_2020_tourism_villages,
                tourism,
            ),
        ],
        targets_2030=[
            Indicator(_("Tổng số sản phẩm OCOP"), page.target_2030_products, certified),
            Indicator(_("Sản phẩm OCOP quốc gia 5 sao"), page.target_2030_five_star, stars[5]),
            Indicator(
                _("Làng du lịch gắn với sản phẩm địa phương"),
                page.target_2030_tourism_villages,
                tourism,
            ),
            Indicator(_("Làng văn hóa du lịch"), page.target_2030_cultural_villages, cultural),
        ],
    )


def ensure_programme_page():
    """Create and publish the programme page under the home page, once.

    Returns the page, or None while there is no home page. Safe to call any number
    of times: an existing programme page is returned untouched."""
    from .models import HomePage, ProgrammePage

    existing = ProgrammePage.objects.first()
    if existing:
        return existing
    home = HomePage.objects.first()
    if home is None:
        return None
    page = ProgrammePage(
        title=PROGRAMME_TITLE,
        slug=PROGRAMME_SLUG,
        intro=(
            "<p>Chương trình “Mỗi xã một sản phẩm” (OCOP) giúp các hợp tác xã, tổ hợp tác, "
            "doanh nghiệp và hộ kinh doanh của Cần Thơ chuẩn hóa đặc sản địa phương, được "
            "đánh giá và xếp hạng từ 3 đến 5 sao.</p>"
        ),
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
