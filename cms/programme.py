"""The programme's progress, counted live, and the programme page's place in the tree.

Every count is read from the catalogue and the village pages when the page is viewed.
Each target is set beside the count on its own deadline: a target due in a year that has
ended against the certificates in force on 31 December of that year (from their decision,
expiry and revocation dates), a target still ahead against today's. A certificate that
expired yesterday no longer counts today.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Value
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
    day = on or timezone.localdate()
    return star_counts_on([day])[day]


def _union(querysets):
    first, *rest = querysets
    return first.union(*rest, all=True) if rest else first


def star_counts_on(days):
    """{day: {stars: products}} for every day, in one query (a UNION ALL of one
    GROUP BY a day), whatever the number of days or products."""
    days = sorted(set(days))
    rows = _union(
        [
            Product.objects.certified(day)
            .order_by()
            .values("ocop_stars")
            .annotate(products=Count("pk"), day=Value(day.isoformat()))
            .values_list("day", "ocop_stars", "products")
            for day in days
        ]
    )
    counts = {day: {stars: 0 for stars in CERTIFIED_STARS} for day in days}
    for day, stars, products in rows:
        counts[date.fromisoformat(day)][stars] = products
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
    day = on or timezone.localdate()
    return producer_counts_on([day])[day]


def producer_counts_on(days):
    """{day: (economic organisations, households)} for every day, in one query."""
    days = sorted(set(days))
    rows = _union(
        [
            Partner.objects.filter(
                Exists(
                    Product.objects.filter(
                        stockrecords__partner=OuterRef("pk"), pk__in=certified_product_ids(day)
                    )
                )
            )
            .order_by()
            .values("kind")
            .annotate(producers=Count("pk"), day=Value(day.isoformat()))
            .values_list("day", "kind", "producers")
            for day in days
        ]
    )
    by_day = {day: {} for day in days}
    for day, kind, producers in rows:
        by_day[date.fromisoformat(day)][kind] = producers
    return {
        day: (
            sum(by_kind.get(kind, 0) for kind in ORGANISATION_KINDS),
            by_kind.get(ProducerKind.HOUSEHOLD, 0),
        )
        for day, by_kind in by_day.items()
    }


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


def counts_on(on, today, stars, organisations, villages):
    """{measure: count} on ``on``: products and producers from certificates in force
    that day (``stars`` and ``organisations`` by day); villages (which carry no dates)
    only for today."""
    from .programme_targets import TargetMeasure

    tourism, cultural = villages if on == today else (None, None)
    return {
        TargetMeasure.PRODUCTS: sum(stars[on].values()),
        TargetMeasure.FIVE_STAR: stars[on][5],
        TargetMeasure.ORGANISATIONS: organisations[on][0],
        TargetMeasure.TOURISM_VILLAGES: tourism,
        TargetMeasure.CULTURAL_VILLAGES: cultural,
    }


def _deadline_order(target):
    return (target.deadline_year, target.sort_order or 0, target.pk or 0)


def deadlines(targets, today, stars, organisations, villages):
    """The page's targets grouped by deadline year, each beside its deadline's count."""
    by_year = {}
    for target in sorted(targets, key=_deadline_order):
        on = year_end(target.deadline_year, today)
        actual = counts_on(on, today, stars, organisations, villages)[target.measure]
        if actual is None:
            actual = target.reported
        deadline = by_year.setdefault(
            target.deadline_year, Deadline(target.deadline_year, on, is_past=on < today)
        )
        deadline.indicators.append(
            Indicator(target.get_measure_display(), target.number, actual, target.measure)
        )
    return list(by_year.values())


def year_ends(today):
    """31 December of each year since the plan began (today for this year)."""
    return [year_end(year, today) for year in range(FIRST_YEAR, today.year + 1)]


def stars_by_year(today, stars):
    """Certified products on each year's end since 2019, by stars (``stars`` by day)."""
    years = [YearStars(on.year, on, stars[on]) for on in year_ends(today)]
    tallest = max((y.total for y in years), default=0) or 1
    for column in years:
        column.percent = round(column.total * 100 / tallest)
    return years


def programme_progress(page, on=None):
    """The plan's targets (the rows of ``page.targets``) beside the counts on their
    deadlines, today's counts, and certified products by year and stars.

    Every day counted (each year's end, each deadline, today) is read in the same two
    queries, so the page's queries do not grow with the years or the targets."""
    today = on or timezone.localdate()
    targets = list(page.targets.all())
    deadline_days = {year_end(target.deadline_year, today) for target in targets} | {today}
    stars = star_counts_on(set(year_ends(today)) | deadline_days)
    organisations = producer_counts_on(deadline_days)
    groups = list(Category.objects.filter(depth=1).order_by("path"))
    per_group = group_counts(groups, today)
    villages = village_counts()
    return Progress(
        certified_products=sum(stars[today].values()),
        five_star_products=stars[today][5],
        organisations=organisations[today][0],
        households=organisations[today][1],
        tourism_villages=villages[0],
        cultural_villages=villages[1],
        by_group=_bars([(g.display_name, per_group[g.path], g.code) for g in groups]),
        deadlines=deadlines(targets, today, stars, organisations, villages),
        by_year=stars_by_year(today, stars),
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
