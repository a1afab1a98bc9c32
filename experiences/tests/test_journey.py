"""A tourist in English on a phone books 2 adults and 1 child, pays by card, gets a ticket."""

import re

import pytest
from django.utils import timezone, translation

from conftest import RESULTS_DIR
from experiences.choices import BookingStatus
from experiences.models import Booking

from .factories import experience, slot

pytestmark = pytest.mark.browser


def shot(page, name):
    RESULTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=RESULTS_DIR / f"experience-{name}.png", full_page=True)


def test_an_english_tourist_on_a_phone_books_pays_by_card_and_gets_a_qr_ticket(
    phone_page, stripe_settings
):
    page = phone_page
    tour = experience(
        meeting_point_en="Ninh Kieu wharf, pier 2",
        included_en="A covered boat, breakfast on the water, a guide",
        bring_en="A light jacket",
    )
    dawn = slot(tour, days=6, hour=5, minute=30, capacity=10)
    slot(tour, days=7, hour=5, minute=30, capacity=10)
    with translation.override("en"):
        url = tour.product.get_absolute_url()

    # The tourist opens the experience in English and picks a date in the calendar
    page.goto(url)
    day = timezone.localdate(dawn.starts_at).isoformat()
    if not page.locator(f'a[data-date="{day}"]').count():
        page.locator(".cal__nav a").last.click()  # the date is in next month
    shot(page, "1-calendar")
    page.locator(f'a[data-date="{day}"]').click()
    page.wait_for_url(re.compile(r"ngay="))
    assert "5:30" in page.locator(".slot-choice").first.inner_text() or "05:30" in (
        page.locator(".slot-choice").first.inner_text()
    )

    # 2 adults and 1 child: 2 × 250,000 + 150,000
    page.fill("input[name=adults]", "2")
    page.fill("input[name=children]", "1")
    page.select_option("select[name=language]", "en")
    assert page.locator("[data-total]").inner_text() == "₫650,000"
    shot(page, "2-party")
    page.get_by_role("button", name="Hold places and add to basket").click()
    page.wait_for_url(re.compile(r"/en/cua-hang/basket/"))
    assert "are held until" in page.content()
    shot(page, "3-basket")

    # Checkout as a guest: the booker's contact, no address or delivery step
    page.goto("/en/cua-hang/checkout/")
    page.fill("#id_first_name", "Emma Brown")
    page.fill("#id_phone_number", "0912 345 678")
    page.fill("#id_email", "emma@example.com")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_url(re.compile(r"/checkout/payment-method/"))
    page.check("input[name=method][value=card]")
    page.locator(".checkout-payment-method [type=submit]").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))
    card = page.locator("#card-element")
    card.locator("input[placeholder=number]").fill("4242424242424242")
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    page.locator("#place-order").click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    shot(page, "4-thank-you")

    # The ticket: QR code, reference, meeting point in English
    booking = Booking.objects.get()
    assert (booking.status, booking.adults, booking.children) == (BookingStatus.CONFIRMED, 2, 1)
    page.locator("[data-ticket-link]").click()
    page.wait_for_url(re.compile(r"/en/cua-hang/trai-nghiem/ve/"))
    assert page.locator(".ticket__qr svg").is_visible()
    assert page.locator("[data-reference]").inner_text() == booking.reference
    assert "Ninh Kieu wharf, pier 2" in page.content()
    assert page.locator("h1").count() == 1
    shot(page, "5-ticket")
    assert page.policy_violations == []


def test_on_a_desktop_the_total_follows_the_party_and_a_full_departure_cannot_be_chosen(
    desktop_page,
):
    page = desktop_page
    tour = experience(private_group_price=1_500_000)
    morning = slot(tour, days=6, hour=8, minute=0, capacity=4)
    afternoon = slot(tour, days=6, hour=14, minute=0, capacity=2)
    from .factories import booking

    booking(afternoon, adults=2)  # full
    day = timezone.localdate(morning.starts_at).isoformat()

    page.goto(f"{tour.product.get_absolute_url()}?ngay={day}")

    times = page.locator(".slot-choice")
    assert times.count() == 2
    assert page.locator(f'input[name=slot][value="{afternoon.pk}"]').is_disabled()
    page.fill("input[name=adults]", "3")
    page.fill("input[name=children]", "1")
    assert page.locator("[data-total]").inner_text() == "900.000\u00a0₫"
    page.check("input[name=private_group]")
    assert page.locator("[data-total]").inner_text() == "1.500.000\u00a0₫"
    shot(page, "desktop")
