"""The village index's list: live villages, narrowed by commune and kind from the query string.

Unknown or malformed values are ignored (the full list shows), never an error.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

import params
import places
from cms.locales import children_in_locale

from .choices import VillageKind

# The rendition the village cards ask for: prefetching the same spec costs no query per card.
CARD_THUMBNAIL = "fill-640x400"


def village_listing(index_page, query):
    """Context for the index: ``villages`` and the filters' options and chosen values."""
    from .models import VillagePage

    every = children_in_locale(VillagePage, index_page)
    present = set(every.exclude(commune_code="").values_list("commune_code", flat=True))
    communes = sorted(((code, places.ward_name(code)) for code in present), key=lambda c: c[1])
    commune = params.choice(query, "xa", {code for code, _name in communes})
    kind = params.choice(query, "loai", set(VillageKind.values))

    villages = every
    if commune:
        villages = villages.filter(commune_code=commune)
    if kind:
        villages = villages.filter(kind=kind)
    images = get_image_model().objects.prefetch_renditions(CARD_THUMBNAIL)
    villages = villages.prefetch_related(Prefetch("image", queryset=images)).order_by("title")
    return {
        "villages": villages,
        "commune_options": communes,
        "kind_options": VillageKind.choices,
        "selected_commune": commune,
        "selected_kind": kind,
        "is_filtered": bool(commune or kind),
    }
