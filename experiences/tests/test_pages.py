"""The experience page (the product's own URL), the ticket page and its lookup."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from experiences import tickets

from .factories import booking, experience, slot

pytestmark = pytest.mark.django_db


def page(client, e, **query):
    return client.get(e.product.get_absolute_url(), query)


def test_the_product_page_of_an_experience_is_the_experience_page(client):
    e = experience(included="Thuyền, nước uống", bring="Mũ, kem chống nắng")
    s = slot(e, days=3, capacity=8)
    booking(s, adults=3)

    response = page(client, e, ngay=timezone.localdate(s.starts_at).isoformat())

    html = response.content.decode()
    assert response.status_code == 200
    assert "experiences/experience_detail.html" in [t.name for t in response.templates]
    assert html.count("<h1") == 1
    assert "180 phút" in html and "Bến Ninh Kiều" in html and "Thuyền, nước uống" in html
    assert "Hủy miễn phí, hoàn tiền đầy đủ đến 24 giờ" in html
    assert "còn 5 chỗ" in html  # 8 − 3
    assert f'name="slot" value="{s.pk}"' in html
    assert "openstreetmap.org/?mlat=10.034000" in html
    assert "500.000" in html  # the total for the default party of 2 adults
    # The add-to-basket form of goods is not there: booking goes through the slot form
    assert reverse("basket:add", kwargs={"pk": e.product_id}) not in html


def test_the_page_speaks_english_with_the_english_fields(client):
    e = experience(meeting_point_en="Ninh Kieu wharf", included_en="Boat, water")
    slot(e)
    with translation.override("en"):
        url = e.product.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Ninh Kieu wharf" in html and "Boat, water" in html


@pytest.mark.parametrize(
    "query",
    [
        {"thang": "2099-13"},
        {"thang": "1999-01"},
        {"ngay": "31/02/2026"},
        {"ngay": "2026-02-31", "adults": "-4", "children": "x"},
        {"slot": "abc", "language": "zz", "private_group": "yes"},
    ],
)
def test_bad_parameters_fall_back_and_never_fail(client, query):
    e = experience()
    slot(e)
    assert page(client, e, **query).status_code == 200


def test_query_count_does_not_grow_with_the_number_of_slots(no_page_cache, client):
    e = experience()
    chosen = slot(e, days=2, hour=5)
    slot(e, days=2, hour=15)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = page(client, e, ngay=timezone.localdate(chosen.starts_at).isoformat())
        assert response.status_code == 200
        return len(queries)

    # The first visit also starts the session, creates the site settings (a change of
    # the site) and fills caches; the second fills what that change made stale.
    count()
    count()
    few = count()
    for day in range(3, 28):
        for hour in (5, 8, 15):
            booking(slot(e, days=day, hour=hour), adults=1)
    count()  # the bookings changed the product: its kept copy is read again once
    many = count()
    assert many == few


def test_the_ticket_page_shows_the_qr_code_and_the_calendar_file(client):
    b = booking(slot(experience()), reference="TICK2345", email="an@example.vn")
    token = tickets.token(b)

    response = client.get(reverse("experiences:booking", kwargs={"token": token}))
    ics = client.get(reverse("experiences:ics", kwargs={"token": token}))

    html = response.content.decode()
    assert response.status_code == 200 and "<svg" in html and "TICK2345" in html
    assert ics["Content-Type"].startswith("text/calendar")
    assert "UID:TICK2345@ocop-cantho" in ics.content.decode()


def test_a_forged_token_or_a_held_booking_has_no_ticket(client):
    held = booking(slot(experience()), status="held", reference="HELD2345")
    assert client.get(reverse("experiences:booking", kwargs={"token": "abc"})).status_code == 404
    token = tickets.token(held)
    assert client.get(reverse("experiences:booking", kwargs={"token": token})).status_code == 404


def test_the_lookup_finds_a_ticket_by_reference_and_email_only(client):
    b = booking(slot(experience()), reference="LOOK2345", email="an@example.vn")
    url = reverse("experiences:lookup")

    wrong = client.post(url, {"reference": "LOOK2345", "email": "other@example.vn"})
    right = client.post(url, {"reference": "look2345 ", "email": "AN@example.vn"})

    assert wrong.status_code == 404
    assert right.status_code == 302
    assert right["Location"] == reverse("experiences:booking", kwargs={"token": tickets.token(b)})


def test_a_started_slot_cannot_be_cancelled(client):
    s = slot(experience())
    b = booking(s, reference="LATE2345", email="an@example.vn")
    s.starts_at = timezone.now() - dt.timedelta(minutes=5)
    s.save()
    client.post(reverse("experiences:cancel", kwargs={"token": tickets.token(b)}))
    b.refresh_from_db()
    assert b.status == "confirmed"
