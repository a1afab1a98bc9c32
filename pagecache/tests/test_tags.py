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


def _changed_elsewhere(tag, value):
    """What another process's touch leaves in the shared cache."""
    cache.set(tags.KEY_PREFIX + tag, value, timeout=None)


def test_a_request_reads_each_tag_once_and_again_after_its_own_change():
    tags.touch("product:1", "site")
    first = tags.changed_at(["product:1", "site"])

    with tags.reading():
        assert tags.changed_at(["product:1"]) == {"product:1": first["product:1"]}
        # Another process changes both: this request keeps what it read first (one
        # round trip per tag), and reads a tag it had not read yet.
        _changed_elsewhere("product:1", first["product:1"] + 10)
        _changed_elsewhere("site", first["site"] + 10)
        assert tags.changed_at(["product:1", "site"]) == {
            "product:1": first["product:1"],
            "site": first["site"] + 10,
        }
        assert tags.versions(["product:1"]) == {"product:1": first["product:1"]}
        assert tags.version("product:1") == repr(first["product:1"])

        # Its own change is read again at once.
        tags.touch("product:1")
        touched = tags.changed_at(["product:1"])["product:1"]
        assert touched > first["product:1"] + 10

    # Outside a request, every read goes to the cache.
    _changed_elsewhere("product:1", touched + 10)
    assert tags.changed_at(["product:1"]) == {"product:1": touched + 10}


def test_a_tag_the_cache_forgot_is_remembered_once_within_a_request():
    cache.delete(tags.KEY_PREFIX + "product:2")

    with tags.reading():
        started = tags.versions(["product:2"])["product:2"]
        assert tags.versions(["product:2"]) == {"product:2": started}
        assert tags.changed_at(["product:2"]) == {"product:2": started}

    assert tags.changed_at(["product:2"]) == {"product:2": started}


def test_a_render_starting_after_another_process_changed_a_tag_reads_it_again():
    tags.touch("product:3")
    with tags.reading():
        first = tags.changed_at(["product:3"])["product:3"]
        _changed_elsewhere("product:3", first + 10)
        assert tags.changed_at(["product:3"]) == {"product:3": first}

        rendered_at = tags.rendering_starts()

        # What renders from now on (and is stored as rendered at that time) sees the
        # change, so it is not stored as fresh with the tag as it was before.
        assert tags.changed_at(["product:3"]) == {"product:3": first + 10}
    assert rendered_at > first


def test_every_change_draws_a_new_token_after_the_times():
    written = []
    set_many, set_one = cache.set_many, cache.set

    def recording_set_many(data, *args, **kwargs):
        written.extend(data)
        return set_many(data, *args, **kwargs)

    def recording_set(key, *args, **kwargs):
        written.append(key)
        return set_one(key, *args, **kwargs)

    before = tags.last_change()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "set_many", recording_set_many)
        patch.setattr(cache, "set", recording_set)
        tags.touch("product:4", "site")
    after = tags.last_change()

    assert isinstance(after, int) and after != before
    # Whoever reads the new token then reads the new times too. (A cache's set_many may
    # call its own set: each key is counted where it is first written.)
    assert list(dict.fromkeys(written)) == [
        tags.KEY_PREFIX + "product:4",
        tags.KEY_PREFIX + "site",
        tags.KEY_PREFIX + tags.CHANGES,
    ]


def test_the_token_is_read_once_per_request_and_again_after_its_own_change():
    tags.touch("product:5")
    with tags.reading():
        seen = tags.last_change()
        cache.set(tags.KEY_PREFIX + tags.CHANGES, seen + 1, timeout=None)  # elsewhere
        assert tags.last_change() == seen

        tags.touch("product:5")
        assert tags.last_change() not in (seen, seen + 1)


def test_a_token_the_cache_forgot_is_made_again_and_kept():
    cache.delete(tags.KEY_PREFIX + tags.CHANGES)

    made = tags.last_change()

    assert isinstance(made, int)
    assert tags.last_change() == made
