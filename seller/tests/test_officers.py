"""The officers' side: expiry reminders, invitations, the certificate audit trail, and
the login rate limit that protects everyone's account."""

import datetime as dt
import re
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEntry, AuditKind
from catalogue.certification import OcopCertificate
from catalogue.choices import IssuingLevel
from seller.models import CertificateReminder
from seller.reminders import send_expiry_reminders

from .factories import PASSWORD, make_user

CAN_THO = ZoneInfo("Asia/Ho_Chi_Minh")


def certify(product, issued=dt.date(2024, 3, 15), stars=4, score="80"):
    return OcopCertificate.objects.create(
        product=product,
        score=Decimal(score),
        stars=stars,
        level=IssuingLevel.CITY,
        issuing_body="UBND thành phố Cần Thơ",
        decision_number="123/QĐ-UBND",
        decision_date=issued,
    )


def at(day):
    return time_machine.travel(dt.datetime.combine(day, dt.time(7, 0), tzinfo=CAN_THO), tick=False)


class TestExpiryReminder:
    def test_sent_once_at_30_days_and_never_again(self, producer_a):
        _user, _partner, product = producer_a
        cert = certify(product)  # expires 2027-03-15
        assert cert.expires_on == dt.date(2027, 3, 15)

        with at(dt.date(2027, 2, 12)):  # 31 days before
            assert send_expiry_reminders() == 0
        assert mail.outbox == []

        with at(dt.date(2027, 2, 13)):  # 30 days before
            out = StringIO()
            call_command("send_certificate_reminders", stdout=out)
            assert out.getvalue() == "1 reminder(s) sent\n"
            assert send_expiry_reminders() == 0  # a second run the same day
        with at(dt.date(2027, 2, 14)):
            assert send_expiry_reminders() == 0  # and the next day

        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["a@example.vn"]
        assert message.subject == "Chứng nhận OCOP của “Bánh tráng sữa” hết hiệu lực từ 15/03/2027"
        assert "còn 30 ngày" in message.body
        reminder = CertificateReminder.objects.get()
        assert (reminder.certificate, reminder.recipients) == (cert, "a@example.vn")

    def test_renewed_expired_or_uncertified_certificates_get_no_reminder(self, producer_a):
        _user, _partner, product = producer_a
        old = certify(product)
        renewal = certify(product, issued=dt.date(2027, 1, 20))
        renewal.renews = old
        renewal.save()
        certify(product, issued=dt.date(2024, 3, 20), stars=2, score="40")

        with at(dt.date(2027, 2, 20)):
            assert send_expiry_reminders() == 0
        with at(dt.date(2027, 3, 16)):  # the first has expired
            assert send_expiry_reminders() == 0
        assert mail.outbox == []
        assert CertificateReminder.objects.count() == 0

    def test_a_failed_send_records_nothing_and_is_retried(self, producer_a, settings):
        _user, _partner, product = producer_a
        certify(product)
        settings.EMAIL_BACKEND = "seller.tests.test_officers.BrokenBackend"
        with at(dt.date(2027, 2, 20)):
            with pytest.raises(ConnectionError):
                send_expiry_reminders()
        assert CertificateReminder.objects.count() == 0

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        with at(dt.date(2027, 2, 21)):
            assert send_expiry_reminders() == 1
        assert len(mail.outbox) == 1

    def test_officers_see_what_expires_within_30_days(self, client, producer_a, officer):
        _user, _partner, product = producer_a
        certify(product)
        with at(dt.date(2027, 2, 13)):
            client.force_login(officer)
            page = client.get(reverse("seller:officer-expiring")).content.decode()
        assert "Bánh tráng sữa" in page and "15/03/2027" in page
        with at(dt.date(2027, 2, 12)):
            client.force_login(officer)
            page = client.get(reverse("seller:officer-expiring")).content.decode()
        assert "Bánh tráng sữa" not in page


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("mail server down")


def test_invited_user_sets_a_valid_password_and_enters_the_seller_area(client, producer_a, officer):
    _user, partner, _product = producer_a
    client.force_login(officer)

    response = client.post(
        reverse("seller:officer-invite"),
        {"partner": partner.pk, "email": "Moi@Example.vn", "name": "Trần Thị Hoa"},
    )

    assert response.status_code == 302
    invited = partner.users.get(email="Moi@example.vn")
    assert (invited.first_name, invited.last_name) == ("Trần Thị", "Hoa")
    assert invited.has_usable_password() is False
    assert invited.groups.filter(name="Chủ thể OCOP").exists()
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/nguoi-ban/loi-moi/\S+)", mail.outbox[0].body).group(1)

    client.logout()
    form_url = client.get(link)["Location"]  # Django swaps the token for a session key
    weak = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200
    assert (
        "This password is too common." in weak.content.decode()
        or "quá phổ biến" in weak.content.decode()
    )
    invited.refresh_from_db()
    assert invited.has_usable_password() is False

    done = client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == reverse("seller:home")
    assert client.get(reverse("seller:home")).status_code == 200
    assert client.get(link).status_code == 200  # a used link no longer works
    assert "Liên kết này đã được dùng" in client.get(link, follow=True).content.decode()


def test_certificate_recorded_and_revoked_in_the_cms_is_audited(client, producer_a, officer):
    _user, _partner, product = producer_a
    client.force_login(officer)
    response = client.post(
        reverse("ocop_certificates:add"),
        {
            "product": product.pk,
            "score": "92",
            "stars": "5",
            "level": IssuingLevel.CENTRAL,
            "issuing_body": "Thủ tướng Chính phủ",
            "decision_number": "77/QĐ-TTg",
            "decision_date": "2025-01-10",
            "expires_on": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cert = OcopCertificate.objects.get()

    client.post(
        reverse("ocop_certificates:edit", args=[cert.pk]),
        {"revoked_on": "2025-06-01", "revocation_reason": "Không duy trì chất lượng"},
    )

    entries = list(
        AuditEntry.objects.filter(kind=AuditKind.CERTIFICATE)
        .order_by("pk")
        .values_list("actor__email", "old_value", "new_value")
    )
    assert entries == [
        ("canbo@example.vn", "", "5 sao, QĐ 77/QĐ-TTg, hiệu lực đến 10/01/2028"),
        (
            "canbo@example.vn",
            "5 sao, QĐ 77/QĐ-TTg, hiệu lực đến 10/01/2028",
            "5 sao, QĐ 77/QĐ-TTg, hiệu lực đến 10/01/2028; thu hồi từ 01/06/2025",
        ),
    ]
    page = client.get(reverse("seller:officer-audit")).content.decode()
    assert "thu hồi từ 01/06/2025" in page


class TestLoginRateLimit:
    """The fifth wrong password locks the account from that address, even for the right one."""

    @pytest.mark.parametrize(
        ("url_name", "fields"),
        [
            (
                "customer:login",
                lambda email, pw: {
                    "login-username": email,
                    "login-password": pw,
                    "login_submit": "1",
                },
            ),
            ("wagtailadmin_login", lambda email, pw: {"username": email, "password": pw}),
        ],
        ids=["shop", "cms"],
    )
    def test_locked_after_five_failures(self, client, reference, url_name, fields):
        user = make_user("lan@example.vn", is_staff=True)
        if url_name == "wagtailadmin_login":
            user.is_superuser = True
            user.save()
        url = reverse(url_name)

        for _attempt in range(4):
            response = client.post(url, fields("lan@example.vn", "sai-mat-khau"))
            assert response.status_code == 200
            assert "_auth_user_id" not in client.session
        assert client.post(url, fields("Lan@Example.vn", "sai-mat-khau")).status_code == 429

        locked = client.post(url, fields("lan@example.vn", PASSWORD))
        assert locked.status_code == 429
        assert "Tạm khóa đăng nhập" in locked.content.decode()
        assert "_auth_user_id" not in client.session

    def test_a_success_before_the_limit_resets_the_count(self, client, reference):
        make_user("lan@example.vn")
        url = reverse("customer:login")
        data = {"login-username": "lan@example.vn", "login_submit": "1"}
        for _attempt in range(4):
            client.post(url, {**data, "login-password": "sai"})
        assert client.post(url, {**data, "login-password": PASSWORD}).status_code == 302
        client.logout()
        for _attempt in range(4):
            client.post(url, {**data, "login-password": "sai"})
        assert client.post(url, {**data, "login-password": PASSWORD}).status_code == 302
