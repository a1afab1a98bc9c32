"""At the meeting point at dawn: the producer opens today's slots on a phone and checks
tickets in, by typing the reference and with the camera (Chromium's fake camera playing a
picture of the ticket's QR code, decoded by the page's own scanner)."""

import io

import pytest
import segno
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from catalogue.tests.factories import producer
from conftest import CHROMIUM, CHROMIUM_ARGS, RESULTS_DIR, _watch_policies
from experiences import tickets
from experiences.models import Booking
from experiences.tests import factories

from .factories import PASSWORD, make_user
from .test_experience_checkin import slot_today

pytestmark = pytest.mark.browser


def todays_market():
    """HTX Cái Răng's market today (within the hour) with two confirmed tickets."""
    from catalogue.reference import load_product_classes, load_product_groups

    load_product_groups()
    load_product_classes()
    partner = producer("HTX Du lịch Cái Răng")
    partner.users.add(make_user("cairang@example.vn"))
    experience = factories.experience(partner=partner)
    slot = slot_today(experience, capacity=12)
    factories.booking(slot, adults=2, children=1, reference="CHO2K7PQ", email="tom@example.com")
    factories.booking(slot, adults=1, reference="QRCAM234", email="lan@example.vn", language="vi")
    return slot


def sign_in(page):
    page.goto("/nguoi-ban/trai-nghiem/hom-nay/")
    page.locator("#id_login-username").fill("cairang@example.vn")
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("[name=login_submit]").click()


def test_the_producer_checks_a_ticket_in_on_a_phone_by_typing_its_reference(phone_page):
    slot = todays_market()
    page = phone_page
    RESULTS_DIR.mkdir(exist_ok=True)

    sign_in(page)
    expect(page.locator("h1")).to_contain_text("Hôm nay")
    expect(page.locator(".slot-time")).to_have_text(
        timezone.localtime(slot.starts_at).strftime("%H:%M")
    )
    expect(page.locator(".booking")).to_have_count(2)
    expect(page.get_by_text("0/4 khách đã check-in")).to_be_visible()
    page.screenshot(path=RESULTS_DIR / "checkin-1-today.png", full_page=True)

    page.get_by_role("link", name="Quét vé / nhập mã vé").click()
    page.get_by_label("Mã vé").fill("cho2k7pq")
    page.get_by_role("button", name="Check-in", exact=True).click()
    expect(page.locator(".checkin-result--ok")).to_contain_text("Đã check-in")
    expect(page.locator(".checkin-ref")).to_have_text("CHO2K7PQ")
    page.screenshot(path=RESULTS_DIR / "checkin-2-done.png", full_page=True)

    page.get_by_label("Mã vé").fill("CHO2K7PQ")
    page.get_by_role("button", name="Check-in", exact=True).click()
    expect(page.locator(".checkin-result--already")).to_contain_text("Vé này đã check-in lúc")
    page.screenshot(path=RESULTS_DIR / "checkin-3-again.png", full_page=True)

    page.get_by_role("link", name="Hôm nay").first.click()
    expect(page.get_by_text("3/4 khách đã check-in")).to_be_visible()
    expect(page.locator('.booking[data-reference="CHO2K7PQ"] .checked-in')).to_be_visible()
    assert page.policy_violations == []
    booking = Booking.objects.get(reference="CHO2K7PQ")
    assert booking.checked_in_at is not None
    assert booking.checked_in_by.email == "cairang@example.vn"


def qr_video(path, text, width=640, height=480, frames=10):
    """A Y4M video (what Chromium's fake camera plays) of the QR code of ``text``."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    code = Image.open(buffer).convert("L")
    picture = Image.new("L", (width, height), 255)
    picture.paste(code, ((width - code.width) // 2, (height - code.height) // 2))
    y = picture.tobytes()
    chroma = bytes([128]) * ((width // 2) * (height // 2))
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _frame in range(frames):
            video.write(b"FRAME\n" + y + chroma + chroma)


def test_the_ticket_qr_code_is_a_full_qr_code_that_scanners_read(transactional_db):
    # A Micro QR code (what segno makes of short text by default) is 11-17 modules wide
    # and unreadable by phone scanners and jsQR; a version 1 QR code is 21 (+ 2 × 4 quiet).
    booking = Booking.objects.get(slot=todays_market(), reference="QRCAM234")

    assert tickets.qr_svg(booking, scale=1).startswith('<svg width="29" height="29"')


def test_the_camera_reads_a_ticket_and_checks_it_in(
    browser, live_server, transactional_db, tmp_path
):
    slot = todays_market()
    video = tmp_path / "ticket.y4m"
    qr_video(video, "QRCAM234")
    camera = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = camera.new_context(
            base_url=live_server.url,
            viewport={"width": 390, "height": 844},
            is_mobile=True,
            has_touch=True,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
        )
        context.grant_permissions(["camera"], origin=live_server.url)
        violations = _watch_policies(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        sign_in(page)
        page.goto("/nguoi-ban/trai-nghiem/check-in/")
        # Which decoder this Chromium gets (reading a blank canvas chooses and loads it).
        decoder = page.evaluate(
            "window.ocopCheckin.read(document.createElement('canvas'))"
            ".then(() => window.ocopCheckin.decoder)"
        )

        page.get_by_role("button", name="Mở camera").click()

        expect(page.locator(".checkin-result--ok")).to_contain_text("Đã check-in")
        expect(page.locator(".checkin-ref")).to_have_text("QRCAM234")
        RESULTS_DIR.mkdir(exist_ok=True)
        page.screenshot(path=RESULTS_DIR / "checkin-4-camera.png", full_page=True)
        assert violations == []
    finally:
        camera.close()
    # Debian's Chromium on Linux has no BarcodeDetector: the self-hosted jsQR decoded it.
    assert decoder == "jsQR"
    booking = Booking.objects.get(reference="QRCAM234")
    assert booking.checked_in_at is not None
    assert timezone.localtime(booking.checked_in_at).date() == timezone.localdate()
    assert slot.bookings.filter(checked_in_at__isnull=False).count() == 1


def test_the_producer_reads_an_experience_and_its_slot_on_a_laptop(desktop_page):
    slot = todays_market()
    page = desktop_page
    RESULTS_DIR.mkdir(exist_ok=True)

    sign_in(page)
    page.get_by_role("link", name="Trải nghiệm", exact=True).click()
    page.get_by_role("link", name="Đi chợ nổi Cái Răng lúc bình minh").click()
    expect(page.locator("h1")).to_have_text("Đi chợ nổi Cái Răng lúc bình minh")
    expect(page.get_by_label("Điểm hẹn", exact=True)).to_have_value("Bến Ninh Kiều")
    page.screenshot(path=RESULTS_DIR / "experience-edit-desktop.png", full_page=True)

    page.goto(f"/nguoi-ban/trai-nghiem/luot/{slot.pk}/")
    expect(page.locator(".booking")).to_have_count(2)
    expect(page.locator(".slot-left")).to_have_text("8")
    page.screenshot(path=RESULTS_DIR / "experience-slot-desktop.png", full_page=True)
    assert page.policy_violations == []
