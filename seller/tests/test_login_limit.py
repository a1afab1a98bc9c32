"""The login limit behind the production proxy: counted per account *and* real client
address, read from nginx's X-Forwarded-For with the production settings themselves."""

import datetime as dt

import pytest
import time_machine
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from seller.security import client_address

from .factories import PASSWORD, make_user
from .proxies import PROXY, production_settings, through_nginx

HOME_WIFI = "113.161.10.20"
ATTACKER = "27.72.5.6"


@pytest.fixture
def behind_one_proxy(monkeypatch):
    with override_settings(**production_settings(monkeypatch, 1)):
        yield


def log_in(client, password, headers, language="vi"):
    data = {"login-username": "lan@example.vn", "login-password": password, "login_submit": "1"}
    # override() also restores the language an English request activates in this thread.
    with translation.override(language):
        return client.post(reverse("customer:login"), data, **headers)


def signed_in(client):
    return "_auth_user_id" in client.session


class TestClientAddress:
    @pytest.mark.parametrize(
        ("proxy_count", "forwarded", "expected"),
        [
            # nginx alone: the right-most entry is the address nginx saw.
            (1, "113.161.10.20", "113.161.10.20"),
            (1, "1.2.3.4, 113.161.10.20", "113.161.10.20"),
            (1, "1.2.3.4, 5.6.7.8, 113.161.10.20", "113.161.10.20"),
            # A load balancer in front of nginx: nginx appended the balancer's address.
            (2, "113.161.10.20, 10.0.0.9", "113.161.10.20"),
            (2, "1.2.3.4, 113.161.10.20, 10.0.0.9", "113.161.10.20"),
            # A header too short for the proxies configured: the connection's own address.
            (2, "113.161.10.20", PROXY),
        ],
    )
    def test_the_client_is_read_that_many_hops_from_the_right(
        self, monkeypatch, proxy_count, forwarded, expected
    ):
        request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)

        with override_settings(**production_settings(monkeypatch, proxy_count)):
            assert client_address(request) == expected

    def test_without_a_proxy_the_header_is_not_believed(self):
        # The test settings are the embedded default's: nobody in front of the app.
        request = RequestFactory().get("/", REMOTE_ADDR=HOME_WIFI, HTTP_X_FORWARDED_FOR=ATTACKER)

        assert client_address(request) == HOME_WIFI


@pytest.mark.django_db
@pytest.mark.usefixtures("behind_one_proxy")
class TestLockoutBehindTheProxy:
    def test_failures_from_one_address_do_not_lock_the_account_elsewhere(self):
        make_user("lan@example.vn")
        attacker = Client()

        for _attempt in range(5):
            log_in(attacker, "sai-mat-khau", through_nginx(ATTACKER))

        # The attacker is locked out, even with the right password …
        locked = log_in(attacker, PASSWORD, through_nginx(ATTACKER))
        assert locked.status_code == 429
        assert not signed_in(attacker)
        # … while the owner, at home, signs in as usual.
        owner = Client()
        response = log_in(owner, PASSWORD, through_nginx(HOME_WIFI))
        assert response.status_code == 302
        assert signed_in(owner)

    def test_addresses_the_client_writes_itself_do_not_spread_its_failures(self):
        make_user("lan@example.vn")
        attacker = Client()

        # Each attempt claims another address; nginx appends the one it really came from.
        for n in range(5):
            log_in(attacker, "sai-mat-khau", through_nginx(ATTACKER, f"14.160.0.{n}"))

        assert log_in(attacker, PASSWORD, through_nginx(ATTACKER, HOME_WIFI)).status_code == 429
        # Nor can it lock the owner out by writing the owner's address.
        owner = Client()
        assert log_in(owner, PASSWORD, through_nginx(HOME_WIFI)).status_code == 302

    def test_the_lock_does_not_grow_while_attempts_continue(self):
        make_user("lan@example.vn")
        client = Client()
        start = timezone.now()

        with time_machine.travel(start, tick=False) as clock:
            for _attempt in range(5):
                log_in(client, "sai-mat-khau", through_nginx(ATTACKER))
            # Someone keeps trying through the lock, right and wrong, for 14 minutes.
            for minute in range(1, 15):
                clock.move_to(start + dt.timedelta(minutes=minute))
                assert log_in(client, "sai-mat-khau", through_nginx(ATTACKER)).status_code == 429
            assert log_in(client, PASSWORD, through_nginx(ATTACKER)).status_code == 429
            assert not signed_in(client)

            # Fifteen minutes after the fifth failure the lock is over, not fifteen after
            # the last attempt.
            clock.move_to(start + dt.timedelta(minutes=15, seconds=1))
            response = log_in(client, PASSWORD, through_nginx(ATTACKER))

        assert response.status_code == 302
        assert signed_in(client)

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("vi", "tạm dừng 15 phút"),
            ("en", "paused for 15 minutes"),
        ],
    )
    def test_the_lockout_page_says_what_happened(self, language, message):
        make_user("lan@example.vn")
        client = Client()
        for _attempt in range(5):
            log_in(client, "sai-mat-khau", through_nginx(ATTACKER), language)

        response = log_in(client, PASSWORD, through_nginx(ATTACKER), language)

        assert response.status_code == 429
        assert message in response.content.decode()
