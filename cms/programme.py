"""The programme's progress, counted live, and the programme page's place in the tree.

Every count is read from the catalogue and the village pages when the page is viewed.
Each target is set beside the count on its own deadline: a target due in a year that has
ended against the certificates in force on 31 December of that year (from their decision,
expiry and revocation dates), a target still ahead against today's. A certificate that
expired yesterday no longer counts today.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import Substr
from django.utils import timezone
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
# The city's plan started in 2019: the chart of certified products begins there.
FIRST_YEAR = 2019

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
    """A target of the plan beside the count on its deadline (``actual`` is None when
    nothing counts it for that day: a past year's villages with no reported result)."""

    label: str
    target: int
    actual: int | None
    measure: str = ""

    @property
    def known(self):
        return self.actual is not None

    @property
    def reached(self):
        return self.known and self.actual >= self.target

    @property
    def percent(self):
        if not self.known:
            return 0
        if not self.target:
            return 100
        return min(100, round(self.actual * 100 / self.target))


@dataclass
class Deadline:
    """The targets due by the end of ``year``, compared on ``counted_on``: 31 December
    of that year once it has ended, else today."""

    year: int
    counted_on: date
    is_past: bool
    indicators: list = field(default_factory=list)


@dataclass
class YearStars:
    """One column of the chart: products certified on 31 December of ``year`` (today
    for the current year), by stars, and the column's height against the tallest."""

    year: int
    counted_on: date
    counts: dict
    percent: int = 0

    @property
    def total(self):
        return sum(self.counts.values())

    def segments(self):
        """(stars, count, share of the column in %) from 3★ at the bottom up."""
        total = self.total or 1
        return [(s, self.counts[s], round(self.counts[s] * 100 / total)) for s in CERTIFIED_STARS]


@dataclass
class Progress:
    certified_products: int
    five_star_products: int
    organisations: int
    households: int
    tourism_villages: int
    cultural_villages: int
    by_group: list
    deadlines: list
    by_year: list

    @property
    def star_labels(self):
        return [(s, star_label(s)) for s in CERTIFIED_STARS]


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


def year_end(year, today):
    """The day a target due in ``year`` is counted on: its 31 December once passed."""
    last = date(year, 12, 31)
    return last if last < today else today


def stars_on(on, known):
    """``star_counts(on)``, read once per day for one page: ``known`` keeps them."""
    if on not in known:
        known[on] = star_counts(on)
    return known[on]


def counts_on(on, today, villages, known=None):
    """{measure: count} on ``on``: products and producers from certificates in force
    that day; villages (which carry no dates) only for today."""
    from .programme_targets import TargetMeasure

    stars = stars_on(on, {} if known is None else known)
    organisations, _households = producer_counts(on)
    tourism, cultural = villages if on == today else (None, None)
    return {
        TargetMeasure.PRODUCTS: sum(stars.values()),
        TargetMeasure.FIVE_STAR: stars[5],
        TargetMeasure.ORGANISATIONS: organisations,
        TargetMeasure.TOURISM_VILLAGES: tourism,
        TargetMeasure.CULTURAL_VILLAGES: cultural,
    }


def deadlines(targets, today, today_counts, villages, known=None):
    """The page's targets grouped by deadline year, each beside its deadline's count."""
    by_year = {}
    counts = {today: today_counts}
    for target in sorted(targets, key=lambda t: (t.deadline_year, t.sort_order or 0, t.pk or 0)):
        on = year_end(target.deadline_year, today)
        if on not in counts:
            counts[on] = counts_on(on, today, villages, known)
        actual = counts[on][target.measure]
        if actual is None:
            actual = target.reported
        deadline = by_year.setdefault(
            target.deadline_year, Deadline(target.deadline_year, on, is_past=on < today)
        )
        deadline.indicators.append(
            Indicator(target.get_measure_display(), target.number, actual, target.measure)
        )
    return list(by_year.values())


def stars_by_year(today, known=None):
    """Certified products on 31 December of each year since 2019 (today for this
    year), by stars: one query a year not already ``known``, whatever the catalogue's
    size."""
    known = {} if known is None else known
    years = [
        YearStars(year, year_end(year, today), stars_on(year_end(year, today), known))
        for year in range(FIRST_YEAR, today.year + 1)
    ]
    tallest = max((y.total for y in years), default=0) or 1
    for column in years:
        column.percent = round(column.total * 100 / tallest)
    return years


def programme_progress(page, on=None):
    """The plan's targets (the rows of ``page.targets``) beside the counts on their
    deadlines, today's counts, and certified products by year and stars."""
    from .programme_targets import TargetMeasure

    today = on or timezone.localdate()
    stars = star_counts(today)
    known = {today: stars}
    groups = list(Category.objects.filter(depth=1).order_by("path"))
    per_group = group_counts(groups, today)
    organisations, households = producer_counts(today)
    villages = village_counts()
    today_counts = {
        TargetMeasure.PRODUCTS: sum(stars.values()),
        TargetMeasure.FIVE_STAR: stars[5],
        TargetMeasure.ORGANISATIONS: organisations,
        TargetMeasure.TOURISM_VILLAGES: villages[0],
        TargetMeasure.CULTURAL_VILLAGES: villages[1],
    }
    return Progress(
        certified_products=today_counts[TargetMeasure.PRODUCTS],
        five_star_products=stars[5],
        organisations=organisations,
        households=households,
        tourism_villages=villages[0],
        cultural_villages=villages[1],
        by_group=_bars([(g.display_name, per_group[g.path], g.code) for g in groups]),
        deadlines=deadlines(page.targets.all(), today, today_counts, villages, known),
        by_year=stars_by_year(today, known),
    )


def ensure_programme_page():
    """Create and publish the programme page under the home page, once.

    Returns the page, or None while there is no home page. Safe to call any number
    of times: an existing programme page is returned untouched."""
    from .models import HomePage, ProgrammePage
    from .programme_targets import city_plan_targets

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
    page.targets = city_plan_targets()
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
