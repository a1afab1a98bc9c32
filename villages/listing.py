"""What the village pages list.

The index: live villages narrowed by commune and kind, and the experiences in them
narrowed by the experience filters (``experiences.search``). A village: its experiences
with their next dates with room, and its map. Unknown or malformed query values are
ignored (the full list shows), never an error.

A village's experiences are the experiences whose ``Experience.village`` is that village
(in any language: matched by the page's translation key). That field, kept by the
producer with the experience, is the one link between the two.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

import params
import places
from cms.image_renditions import CARD_SPECS
from cms.locales import children_in_locale
from cms.maps import directions_url, marker, markers
from experiences import search

from .choices import VillageKind

# The rendition the village cards ask for: prefetching the same spec costs no query per card.


def village_listing(index_page, query):
    """Context for the index: ``villages``, ``experiences`` (cards) and the filters'
    options and chosen values."""
    from .models import VillagePage

    every = children_in_locale(VillagePage, index_page)
    present = set(every.exclude(commune_code="").values_list("commune_code", flat=True))
    communes = sorted(((code, places.ward_name(code)) for code in present), key=lambda c: c[1])
    commune = params.choice(query, "xa", {code for code, _name in communes})
    kind = params.choice(query, "loai", set(VillageKind.values))
    wanted = search.ExperienceSearch.from_query(query)

    villages = every
    if commune:
        villages = villages.filter(commune_code=commune)
    if kind:
        villages = villages.filter(kind=kind)
    images = get_image_model().objects.prefetch_renditions(*CARD_SPECS)
    villages = villages.prefetch_related(Prefetch("image", queryset=images)).order_by("title")
    return {
        "villages": villages,
        "experiences": search.find(wanted, villages),
        "commune_options": communes,
        "kind_options": VillageKind.choices,
        "selected_commune": commune,
        "selected_kind": kind,
        "experience_search": wanted,
        **search.options(),
        "is_filtered": bool(commune or kind or wanted.is_filtered),
    }


def village_visit(page, producers):
    """Context for a village page: ``village_experiences`` (cards), ``village_markers``
    (the village, its producers with a place, its experiences' meeting points) and
    ``directions_url`` to the village. ``producers``: [(partner, profile page or None)]."""
    cards = search.find(villages=type(page).objects.filter(pk=page.pk))
    items = [marker(page.title, "", page.latitude, page.longitude, page.get_kind_display(), True)]
    items += [
        marker(
            partner.name,
            profile.url if profile else "",
            partner.latitude,
            partner.longitude,
            _("Chủ thể OCOP"),
            True,
        )
        for partner, profile in producers
    ]
    items += [
        marker(
            _("Điểm hẹn: %(place)s") % {"place": card.meeting_point},
            card.url,
            card.experience.meeting_latitude,
            card.experience.meeting_longitude,
            card.title,
            True,
        )
        for card in cards
    ]
    return {
        "village_experiences": cards,
        "village_markers": markers(items),
        "directions_url": directions_url(page.latitude, page.longitude),
    }
