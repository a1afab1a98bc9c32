import pytest

from catalogue.roles import OFFICERS, ensure_groups

from .factories import load_reference, make_producer, make_user


@pytest.fixture
def reference(db):
    load_reference()
    ensure_groups()


@pytest.fixture
def producer_a(reference):
    """(user, partner, product) of Hợp tác xã A, with one public product."""
    return make_producer("HTX Bánh tráng Thuận Hưng", "a@example.vn", "Bánh tráng sữa", "45000", 20)


@pytest.fixture
def producer_b(reference):
    return make_producer("Cơ sở Nem Cái Răng", "b@example.vn", "Nem nướng Cái Răng", "80000", 12)


@pytest.fixture
def officer(reference):
    from django.contrib.auth.models import Group

    user = make_user("canbo@example.vn", first_name="Lan")
    user.groups.add(Group.objects.get(name=OFFICERS))
    return user
