"""The search box finds experiences by their title, village or meeting point, typed
without diacritics, and never one that is not for sale."""

import pytest
from django.utils import translation

from cms.search import page_results
from experiences.choices import ActivityKind
from experiences.tests.factories import experience
from villages.models import VillageIndexPage, VillagePage

from .factories import make_home


@pytest.fixture
def experiences(db):
    home = make_home()
    index = home.add_child(instance=VillageIndexPage(title="Làng", slug="lang"))
    my_khanh = index.add_child(instance=VillagePage(title="Làng du lịch Mỹ Khánh", slug="mk"))
    experience(
        "Hái trái cây", village=my_khanh, kind=ActivityKind.GARDEN, meeting_point="Cổng vườn"
    )
    experience("Chợ nổi bình minh", meeting_point="Bến Ninh Kiều")
    hidden = experience("Chợ nổi ẩn")
    hidden.product.is_public = False
    hidden.product.save()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("my khanh", [("Làng du lịch Mỹ Khánh", "Làng du lịch"), ("Hái trái cây", "Trải nghiệm")]),
        ("cho noi", [("Chợ nổi bình minh", "Trải nghiệm")]),
        ("ninh kieu", [("Chợ nổi bình minh", "Trải nghiệm")]),
        ("vuon trai cay", [("Hái trái cây", "Trải nghiệm")]),
        ("ca loc bay", []),
    ],
)
def test_experiences_are_found_by_title_village_kind_and_meeting_point(
    experiences, query, expected
):
    with translation.override("vi"):
        found = page_results(query)

    assert [(result.title, str(result.kind)) for result in found] == expected


def test_an_experience_result_says_where_and_how_long(experiences):
    with translation.override("vi"):
        [result] = page_results("hai trai")

    assert result.summary == "Làng du lịch Mỹ Khánh · Vườn trái cây · 3 giờ"
    assert result.url.endswith("/")
