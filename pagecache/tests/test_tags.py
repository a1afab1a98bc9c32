"""Tags' change times (``pagecache.tags``): whole microseconds, so that django-redis
stores them as digits and a page cache hit reads its tags without unpickling them."""

import pytest
from django.core.cache import cache

from pagecache import tags

pytestmark = pytest.mark.django_db


def test_a_change_time_is_whole_microseconds_stored_as_digits():
    before = tags.now()
    tags.touch("product:1")
    changed = tags.changed_at(["product:1"])["product:1"]

    assert isinstance(changed, int) and changed >= before
    client = getattr(cache, "client", None)
    if client is not None and hasattr(client, "get_client"):  # django-redis (CI, production)
        raw = client.get_client().get(cache.make_key(tags.KEY_PREFIX + "product:1"))
        assert raw == str(changed).encode()


def test_a_change_right_after_a_render_makes_it_stale():
    tags.touch("product:1")
    rendered_at = tags.now()
    assert tags.fresh(["product:1"], rendered_at)
    while tags.now() == rendered_at:  # a change *after* the render began, however fast
        pass

    tags.touch("product:1")

    assert not tags.fresh(["product:1"], rendered_at)
