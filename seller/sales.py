"""A producer's sales summary: its own order lines, by month and by product.

Only the producer's lines count, never the rest of an order it shares with others, and
not the lines of a delivery group that was cancelled. Revenue is what the shopper paid
for the goods less what was refunded for them (``order.RefundLine``), in the month the
order was placed; delivery charges are left out. Months are calendar months in Cần Thơ.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, DecimalField, Exists, Max, OuterRef, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.shortcuts import render
from django.utils import timezone
from django.views import View
from oscar.core.loading import get_model

from .access import SellerRequiredMixin
from .programme import NOT_SALES

Line = get_model("order", "Line")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
RefundLine = get_model("order", "RefundLine")

MONTHS = 12
MONEY = DecimalField(max_digits=14, decimal_places=2)


def city_zone():
    return ZoneInfo(settings.TIME_ZONE)


def months_back(today, count=MONTHS):
    """The first days of the last ``count`` months, oldest first, ending with ``today``'s."""
    year, month = today.year, today.month
    firsts = []
    for _ in range(count):
        firsts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def sold_lines(partners, since):
    cancelled = FulfilmentGroup.objects.filter(
        order=OuterRef("order"),
        partner=OuterRef("partner"),
        status=FulfilmentGroup.Status.CANCELLED,
    )
    return (
        Line.objects.filter(partner__in=partners, order__date_placed__gte=since)
        .exclude(order__status__in=NOT_SALES)
        .exclude(Exists(cancelled))
        .order_by()
    )


def _totals():
    return {
        "orders": Count("order", distinct=True),
        "quantity": Coalesce(Sum("quantity"), 0),
        "revenue": Coalesce(Sum("line_price_incl_tax"), 0, output_field=MONEY),
    }


def _refunded(lines, by, **annotations):
    """{``by`` value: (units, amount)} refunded for ``lines``."""
    rows = (
        RefundLine.objects.filter(line__in=lines.values("pk"))
        .annotate(**annotations)
        .values(by)
        .annotate(units=Coalesce(Sum("quantity"), 0), given_back=Sum("amount"))
        .order_by()
    )
    return {row[by]: (row["units"], row["given_back"]) for row in rows}


def _less_refunds(rows, refunded, key):
    for row in rows:
        quantity, revenue = refunded.get(row[key], (0, 0))
        row["quantity"] -= quantity
        row["revenue"] -= revenue
    return rows


def _with_bars(rows):
    top = max((row["revenue"] for row in rows), default=0)
    for row in rows:
        row["percent"] = round(row["revenue"] * 100 / top) if top else 0
    return rows


def summary(partners, today=None):
    """Totals for the last twelve months, by month (every month shown) and by product.

    Four queries (sales and refunds, by month and by product), however many orders and
    products there are.
    """
    zone = city_zone()
    today = today or timezone.localdate(timezone=zone)
    months = months_back(today)
    since = datetime(months[0].year, months[0].month, 1, tzinfo=zone)
    lines = sold_lines(partners, since)

    month_rows = lines.annotate(month=TruncMonth("order__date_placed", tzinfo=zone))
    refunded = _refunded(lines, "month", month=TruncMonth("line__order__date_placed", tzinfo=zone))
    by_month = {
        row["month"].date(): row for row in month_rows.values("month").annotate(**_totals())
    }
    for month, (quantity, revenue) in refunded.items():
        month = month.date()
        if month in by_month:
            by_month[month]["quantity"] -= quantity
            by_month[month]["revenue"] -= revenue
    empty = {"orders": 0, "quantity": 0, "revenue": 0}
    month_rows = _with_bars([{**by_month.get(m, empty), "month": m} for m in months])

    product_rows = _less_refunds(
        list(
            lines.values("product_id")
            .annotate(product_title=Max("title"), **_totals())
            .order_by("-revenue", "product_title")
        ),
        _refunded(lines, "line__product_id"),
        "product_id",
    )
    product_rows = _with_bars(
        sorted(product_rows, key=lambda r: (-r["revenue"], r["product_title"]))
    )
    return {
        "months": month_rows[::-1],
        "products": product_rows,
        "since": months[0],
        "total": {
            "orders": sum(row["orders"] for row in month_rows),
            "quantity": sum(row["quantity"] for row in month_rows),
            "revenue": sum(row["revenue"] for row in month_rows),
        },
    }


class SalesView(SellerRequiredMixin, View):
    def get(self, request):
        return render(request, "seller/sales.html", summary(self.partners))
