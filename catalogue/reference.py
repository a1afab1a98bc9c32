"""Reference data every installation needs: OCOP groups, product classes, roles, Vietnam.

Loaded by ``manage.py load_reference_data`` (safe to run any number of times); groups
are data in ``catalogue/data/ocop_groups.json`` so a new grouping needs no code.
"""

import json
from pathlib import Path

from django.db import transaction
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")

GROUPS_FILE = Path(__file__).parent / "data" / "ocop_groups.json"

# Goods are shipped and stocked; experiences are booked in dated slots at a village.
GOODS = {"slug": "san-pham", "name": "Sản phẩm", "requires_shipping": True}
# Experiences track no stock: their places are per slot (experiences.booking).
EXPERIENCE = {
    "slug": "trai-nghiem",
    "name": "Trải nghiệm",
    "requires_shipping": False,
    "track_stock": False,
}


def _upsert_category(spec, parent=None):
    existing = Category.objects.filter(code=spec["code"]).first()
    fields = {"name": spec["name"], "name_en": spec.get("name_en", "")}
    if existing:
        changed = [k for k, v in fields.items() if getattr(existing, k) != v]
        for k in changed:
            setattr(existing, k, fields[k])
        if changed:
            existing.save()
        return existing
    if parent is None:
        return Category.add_root(code=spec["code"], **fields)
    return parent.add_child(code=spec["code"], **fields)


@transaction.atomic
def load_product_groups():
    data = json.loads(GROUPS_FILE.read_text(encoding="utf-8"))
    for group in data["groups"]:
        parent = _upsert_category(group)
        for child in group.get("children", []):
            _upsert_category(child, parent)
    Category.fix_tree()


def load_product_classes():
    for spec in (GOODS, EXPERIENCE):
        ProductClass.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "requires_shipping": spec["requires_shipping"],
                "track_stock": spec.get("track_stock", True),
            },
        )


def load_all():
    from checkout.reference import ensure_vietnam

    from .roles import ensure_groups

    load_product_groups()
    load_product_classes()
    ensure_groups()
    ensure_vietnam()
