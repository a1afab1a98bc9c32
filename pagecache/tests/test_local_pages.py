"""The pages a process keeps for itself (``pagecache.middleware.LocalPages``): bounded in
bytes, dropped when the shared copy would expire, and never served once stale."""

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from oscar.core.loading import get_model

from pagecache import tags
from pagecache.middleware import HEADER, LocalPages, local_pages, page_key

StockRecord = get_model("partner", "StockRecord")


def entry(size):
    return {"content": b"x" * size, "tags": [], "rendered_at": 0}


def test_the_oldest_used_pages_go_first_when_over_budget():
    pages = LocalPages(budget=250)
    pages.put("a", entry(100), 60)
    pages.put("b", entry(100), 60)
    assert pages.get("a") is not None  # "a" is now the most recently used
    pages.put("c", entry(100), 60)

    assert pages.get("b") is None
    assert pages.get("a") is not None and pages.get("c") is not None
    assert pages.size == 200


def test_a_page_larger_than_the_budget_is_not_kept():
    pages = LocalPages(budget=50)
    pages.put("big", entry(51), 60)
    assert pages.get("big") is None and pages.size == 0


def test_a_page_is_dropped_when_the_shared_copy_would_expire():
    pages = LocalPages(budget=1000)
    with time_machine.travel(0, tick=False) as traveller:
        pages.put("a", entry(10), 60)
        traveller.shift(59)
        assert pages.get("a") is not None
        traveller.shift(2)
        assert pages.get("a") is None
    assert pages.size == 0


@pytest.mark.django_db
def test_a_kept_page_is_not_served_once_its_product_changed(client, shop, rf):
    url = reverse("catalogue:index")
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"
    request = rf.get(url)
    assert local_pages.get(page_key(request)) is not None  # the hit came from this process

    record = StockRecord.objects.get(product=shop["pia"])
    record.price = 99_000
    record.save()

    response = client.get(url)
    assert response[HEADER] == "miss"
    assert "99.000\u00a0₫" in response.content.decode()


def test_a_newer_copy_put_meanwhile_is_not_taken_as_checked():
    pages = LocalPages(budget=1000)
    checked = entry(10)
    pages.put("a", checked, 60)
    newer = entry(10)
    pages.put("a", newer, 60)  # another thread, while the first was being checked

    pages.found_fresh("a", checked, 7)
    assert pages.get("a") == (newer, None)

    pages.found_fresh("a", newer, 7)
    assert pages.get("a") == (newer, 7)


@pytest.mark.django_db
def test_a_kept_page_found_fresh_is_served_on_the_token_alone_until_it_moves(
    client, shop, monkeypatch
):
    url = reverse("catalogue:index")
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"  # its tags read, found fresh

    read = []
    fetch = tags._fetch
    monkeypatch.setattr(tags, "_fetch", lambda names: read.append(names) or fetch(names))
    assert client.get(url)[HEADER] == "hit"
    assert read == [[tags.CHANGES]]  # one key, not the page's tags

    # Another process changes the product: its tag's time, then the token.
    product_tag = tags.product(shop["pia"].pk)
    cache.set(tags.KEY_PREFIX + product_tag, tags.now(), timeout=None)
    cache.set(tags.KEY_PREFIX + tags.CHANGES, tags.last_change() + 1, timeout=None)
    read.clear()

    assert client.get(url)[HEADER] == "miss"
    assert read[0] == [tags.CHANGES] and product_tag in read[1]
