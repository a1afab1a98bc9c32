"""The ticket's calendar file (RFC 5545) and its QR code."""

import datetime as dt

import pytest
from django.utils import timezone

from experiences import tickets

from .factories import booking, experience, slot

pytestmark = pytest.mark.django_db


def test_the_ics_is_one_event_in_utc_with_location_geo_and_the_reference_as_uid():
    e = experience(meeting_point="Bến Ninh Kiều; cổng số 2", meeting_point_en="Ninh Kieu wharf")
    s = slot(e, days=3, hour=5, minute=30)
    b = booking(s, adults=2, children=1, reference="ABCD2345", language="en")

    text = tickets.ics(b, "en", now=timezone.now())

    lines = text.split("\r\n")
    assert text.endswith("\r\n") and lines[0] == "BEGIN:VCALENDAR"
    start = s.starts_at.astimezone(dt.UTC)
    end = start + dt.timedelta(minutes=180)
    assert f"DTSTART:{start:%Y%m%dT%H%M%SZ}" in lines
    assert f"DTEND:{end:%Y%m%dT%H%M%SZ}" in lines
    # 05:30 in Cần Thơ is 22:30 UTC the day before
    assert start.hour == 22 and start.minute == 30
    assert "UID:ABCD2345@ocop-cantho" in lines
    assert "LOCATION:Ninh Kieu wharf" in lines
    assert "GEO:10.034000;105.788000" in lines
    assert lines.count("BEGIN:VEVENT") == 1
    assert all(len(line.encode()) <= 75 for line in lines)


def test_vietnamese_text_is_escaped_and_folded_without_breaking_characters():
    e = experience(meeting_point="Bến Ninh Kiều; cổng số 2, gần tượng Bác " * 3)
    b = booking(slot(e), reference="WXYZ2345", language="vi")

    text = tickets.ics(b, "vi")

    unfolded = text.replace("\r\n ", "")
    assert "LOCATION:Bến Ninh Kiều\\; cổng số 2\\, gần tượng Bác" in unfolded
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        line.encode("utf-8").decode("utf-8")  # no character cut in half


def test_the_qr_code_holds_the_reference_and_the_token_opens_only_its_booking():
    b = booking(slot(experience()), reference="QRQR2345")
    assert tickets.qr_svg(b).startswith("<svg")
    assert tickets.reference_for(tickets.token(b)) == "QRQR2345"
    assert tickets.reference_for(tickets.token(b) + "x") is None
