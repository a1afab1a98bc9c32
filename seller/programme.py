"""The officers' programme dashboard: the plan's progress (``cms.programme``) plus what
only officers need — products by commune, producers by kind, and sales by group."""

from django.db.models import Count, DecimalField, Sum
from django.db.models.functions import Coalesce, Substr
from oscar.core.loading import get_model

import places
from cms import programme

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Line = get_model("order", "Line")

# Lines of these orders are not sales.
NOT_SALES = ["Cancelled", "cancelled", "Đã hủy"]


def products_by_commune(on=None):
    """Certified products by the commune of their producer, largest first."""
    rows = (
        Product.objects.filter(pk__in=programme.certified_product_ids(on))
        .order_by()
        .values("stockrecords__partner__commune_code")
        .annotate(products=Count("pk", distinct=True))
    )
    counts = [
        (places.ward_name(row["stockrecords__partner__commune_code"]) or "—", row["products"], "")
        for row in rows
    ]
    counts.sort(key=lambda item: (-item[1], item[0]))
    return programme._bars(counts)


def producers_by_kind():
    from partner.choices import ProducerKind

    rows = Partner.objects.order_by().values("kind").annotate(producers=Count("pk"))
    by_kind = {row["kind"]: row["producers"] for row in rows}
    return programme._bars(
        [(label, by_kind.get(kind, 0), kind) for kind, label in ProducerKind.choices]
    )


def sales_by_group():
    """[(group, revenue)] for the top-level groups, from order lines, in one query."""
    steplen = Category.steplen
    rows = (
        Line.objects.exclude(order__status__in=NOT_SALES)
        .filter(product__categories__isnull=False)
        .annotate(group_path=Substr("product__categories__path", 1, steplen))
        .order_by()
        .values("group_path")
        .annotate(
            revenue=Coalesce(
                Sum("line_price_incl_tax"),
                0,
                output_field=DecimalField(max_digits=14, decimal_places=2),
            ),
            lines=Count("pk"),
        )
    )
    by_path = {row["group_path"]: row for row in rows}
    groups = Category.objects.filter(depth=1).order_by("path")
    return [
        (
            group,
            by_path.get(group.path, {}).get("revenue", 0),
            by_path.get(group.path, {}).get("lines", 0),
        )
        for group in groups
    ]


def by_group(on=None):
    groups = list(Category.objects.filter(depth=1).order_by("path"))
    counts = programme.group_counts(groups, on)
    return programme._bars([(g.display_name, counts[g.path], g.code) for g in groups])


def dashboard(on=None):
    from cms.models import ProgrammePage

    page = ProgrammePage.objects.first()
    return {
        "progress": programme.programme_progress(page, on) if page else None,
        "by_stars": programme._bars(
            [
                (str(programme.star_label(stars)), count, str(stars))
                for stars, count in programme.star_counts(on).items()
            ]
        ),
        "by_group": by_group(on),
        "by_commune": products_by_commune(on),
        "by_kind": producers_by_kind(),
        "sales": sales_by_group(),
    }
