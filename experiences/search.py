"""Finding experiences: the filters of the villages index and the cards they list.

A tourist narrows experiences by the kind of activity, a language the guide speaks, a day
that still has places, the price per adult and the duration; the villages index adds the
commune and kind of village by handing over the villages it lists. Every value comes from
the query string through ``params``: a bad one is ignored, never an error.

A day "has places" for an experience when one of its slots that day is open, starts in
the future, has places left, and its booking cut-off (``Experience.cutoff_hours`` before
the start) has not passed: the booking service's own rule (``booking.slot_problem``),
applied to the rows of one query. Each listing costs the same few queries whatever the
number of experiences and slots: the experiences, their bookable slots in the coming
weeks, and the villages in the visitor's language.
"""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

import params
from pagecache import tags as page_tags

from .booking import slot_problem
from .choices import LANGUAGES, ActivityKind
from .models import Slot

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

# How far ahead a card looks for dates with room, and how many it shows.
HORIZON_DAYS = 30
NEXT_DATES = 3
# The furthest day the date filter accepts (slots are generated about two months ahead).
LATEST_DAY = 366

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Duration:
    """Duration bands of the filter: (value, label, minimum minutes, maximum minutes)."""

    BANDS = (
        ("ngan", _("Đến 2 giờ"), None, 120),
        ("nua-ngay", _("Trên 2 đến 5 giờ"), 121, 300),
        ("dai", _("Trên 5 giờ"), 301, None),
    )

    @classmethod
    def choices(cls):
        return [(value, label) for value, label, _low, _high in cls.BANDS]

    @classmethod
    def condition(cls, value):
        for band, _label, low, high in cls.BANDS:
            if band == value:
                q = Q()
                if low is not None:
                    q &= Q(experience__duration_minutes__gte=low)
                if high is not None:
                    q &= Q(experience__duration_minutes__lte=high)
                return q
        return Q()


# Highest price per adult, in VND, offered in the filter.
PRICE_BANDS = (200_000, 500_000, 1_000_000)


@dataclass(frozen=True)
class ExperienceSearch:
    """The experience filters read from a query string (empty values mean "any")."""

    kind: str = ""
    language: str = ""
    day: dt.date | None = None
    max_price: int | None = None
    duration: str = ""

    @classmethod
    def from_query(cls, query, today=None):
        today = today or timezone.localdate()
        prices = {str(price): price for price in PRICE_BANDS}
        return cls(
            kind=params.choice(query, "hoat-dong", set(ActivityKind.values)),
            language=params.choice(query, "ngon-ngu", {code for code, _name in LANGUAGES}),
            day=parse_day(params.text(query, "ngay", max_length=10), today),
            max_price=prices.get(params.choice(query, "gia", set(prices))),
            duration=params.choice(query, "thoi-luong", {v for v, _l in Duration.choices()}),
        )

    @property
    def is_filtered(self):
        return bool(self.kind or self.language or self.day or self.max_price or self.duration)


def parse_day(value, today):
    """A day written YYYY-MM-DD from today to a year ahead, else None (a past day has no
    free places to find; a malformed one is no day)."""
    if not value or not _ISO_DAY.fullmatch(value):
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day if today <= day <= today + dt.timedelta(days=LATEST_DAY) else None


def options():
    """The filter's choices, for the form."""
    return {
        "activity_options": ActivityKind.choices,
        "language_options": LANGUAGES,
        "price_options": PRICE_BANDS,
        "duration_options": Duration.choices(),
    }


@dataclass
class SlotTime:
    starts_at: dt.datetime
    places_left: int


@dataclass
class DateWithRoom:
    day: dt.date
    slots: list = field(default_factory=list)


@dataclass
class ExperienceCard:
    """What a card shows of one experience; built without a query of its own."""

    product: object
    experience: object
    village: object  # the village page in the visitor's language, or None
    adult_price: Decimal | None
    stars: int | None
    dates: list  # DateWithRoom, soonest first

    @property
    def title(self):
        return self.product.get_title()

    @property
    def url(self):
        return self.product.get_absolute_url()

    @property
    def kind(self):
        return self.experience.get_kind_display()

    @property
    def languages(self):
        names = dict(LANGUAGES)
        return [names[code] for code in self.experience.language_codes if code in names]

    @property
    def duration(self):
        return duration_label(self.experience.duration_minutes)

    @property
    def meeting_point(self):
        return in_language(self.experience, "meeting_point")


def in_language(obj, name):
    """A field in the visitor's language: ``<name>_en`` on /en/ when filled in."""
    if (get_language() or "").startswith("en"):
        return getattr(obj, f"{name}_en", "") or getattr(obj, name)
    return getattr(obj, name)


def duration_label(minutes):
    days, rest = divmod(minutes, 24 * 60)
    if days and not rest:
        return ngettext("%(n)d ngày", "%(n)d ngày", days) % {"n": days}
    hours, mins = divmod(minutes, 60)
    if not mins:
        return ngettext("%(n)d giờ", "%(n)d giờ", hours) % {"n": hours}
    if not hours:
        return ngettext("%(n)d phút", "%(n)d phút", mins) % {"n": mins}
    return _("%(h)d giờ %(m)d phút") % {"h": hours, "m": mins}


def bookable_slots(experience_ids, since, until, now=None):
    """Slots of these experiences starting in [since, until) that a tourist can still book
    (``booking.slot_problem``: open, upcoming, before the cut-off) with places left, as
    (experience id, SlotTime) soonest first. One query."""
    now = now or timezone.now()
    slots = (
        Slot.objects.filter(
            experience_id__in=experience_ids, starts_at__gte=since, starts_at__lt=until
        )
        .open()
        .upcoming(now)
        .with_places_left(now)
        .filter(places_left__gt=0)
        .select_related("experience")
        .only("starts_at", "capacity", "closed_at", "experience__cutoff_hours")
        .order_by("starts_at")
    )
    return [
        (slot.experience_id, SlotTime(slot.starts_at, slot.places_left))
        for slot in slots
        if not slot_problem(slot, now)
    ]


def _day_bounds(day):
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return start, start + dt.timedelta(days=1)


def _dates_with_room(slots, limit=NEXT_DATES):
    """{experience id: [DateWithRoom]} with the first ``limit`` days of each."""
    found = defaultdict(list)
    for experience_id, slot_time in slots:
        day = timezone.localdate(slot_time.starts_at)
        dates = found[experience_id]
        if dates and dates[-1].day == day:
            dates[-1].slots.append(slot_time)
        elif len(dates) < limit:
            dates.append(DateWithRoom(day, [slot_time]))
    return found


def experience_products():
    """Experience products for sale, with their details, price per adult and stars."""
    cheapest = (
        StockRecord.objects.filter(product=OuterRef("pk"), price__isnull=False)
        .order_by("price")
        .values("price")[:1]
    )
    return (
        Product.objects.for_sale()
        .with_rating()
        .filter(experience__isnull=False)
        .select_related("experience", "experience__village")
        .annotate(adult_price=Subquery(cheapest))
    )


def find(search=None, villages=None, now=None):
    """Cards of the experiences matching ``search`` (an ExperienceSearch), in the villages
    of the queryset ``villages`` when given (matched across languages by translation key),
    sorted by title."""
    from villages.models import VillagePage

    search = search or ExperienceSearch()
    now = now or timezone.now()
    products = experience_products()
    if villages is not None:
        products = products.filter(
            experience__village__translation_key__in=villages.values("translation_key")
        )
    if search.kind:
        products = products.filter(experience__kind=search.kind)
    if search.language:
        products = products.filter(experience__languages__contains=f",{search.language},")
    if search.max_price:
        products = products.filter(adult_price__lte=search.max_price)
    if search.duration:
        products = products.filter(Duration.condition(search.duration))
    products = list(products.order_by("title", "pk"))
    # A page showing these cards shows their places left, which bookings change: it
    # follows each product's tag (pagecache.tags), as pages showing stock do.
    page_tags.depends_on(*(page_tags.product(p.pk) for p in products))

    ids = [p.experience.pk for p in products]
    if search.day:
        since, until = _day_bounds(search.day)
        on_day = {experience_id for experience_id, _slot in bookable_slots(ids, since, until, now)}
        products = [p for p in products if p.experience.pk in on_day]
        ids = [p.experience.pk for p in products]
    else:
        since = now
    until = since + dt.timedelta(days=HORIZON_DAYS)
    dates = _dates_with_room(bookable_slots(ids, since, until, now)) if ids else {}

    # Experiences point at the Vietnamese village page; show the visitor's translation.
    keys = {p.experience.village.translation_key for p in products if p.experience.village}
    local = {}
    if keys:
        from cms.locales import active_language

        local = {
            page.translation_key: page
            for page in VillagePage.objects.live().filter(
                translation_key__in=keys, locale__language_code=active_language()
            )
        }
    cards = []
    for product in products:
        village = product.experience.village
        if village is not None:
            village = local.get(village.translation_key)
        cards.append(
            ExperienceCard(
                product=product,
                experience=product.experience,
                village=village,
                adult_price=product.adult_price,
                stars=product.ocop_rating,
                dates=dates.get(product.experience.pk, []),
            )
        )
    return cards
