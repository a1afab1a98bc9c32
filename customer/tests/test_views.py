"""Shoppers' accounts: registering signs in, signed-out visitors are sent to the shop's
login page in their language, and signing out takes a POST."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from seller.tests.factories import make_user

User = get_user_model()

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Banh-trang-Thuan-Hung-2026"


def signed_in_email(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id).email if user_id else None


class TestRegistration:
    def test_the_registration_page_signs_the_new_shopper_in(self, client):
        response = client.post(
            reverse("customer:register"),
            {
                "email": "lan@example.vn",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "redirect_url": reverse("customer:summary"),
            },
        )

        assert response.status_code == 302
        assert response["Location"] == reverse("customer:summary")
        assert signed_in_email(client) == "lan@example.vn"
        assert client.get(reverse("customer:profile-view")).status_code == 200

    def test_the_login_page_registration_form_signs_the_new_shopper_in(self, client):
        response = client.post(
            reverse("customer:login"),
            {
                "registration-email": "lan@example.vn",
                "registration-password1": NEW_PASSWORD,
                "registration-password2": NEW_PASSWORD,
                "registration_submit": "1",
            },
        )

        assert response.status_code == 302
        assert signed_in_email(client) == "lan@example.vn"

    def test_an_email_already_registered_is_refused_and_nobody_is_signed_in(self, client):
        make_user("lan@example.vn")

        response = client.post(
            reverse("customer:register"),
            {"email": "Lan@example.vn", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )

        assert response.status_code == 200
        assert User.objects.filter(email__iexact="lan@example.vn").count() == 1
        assert signed_in_email(client) is None


class TestLoginUrl:
    @pytest.mark.parametrize(
        ("language", "login_path"),
        [("vi", "/cua-hang/accounts/login/"), ("en", "/en/cua-hang/accounts/login/")],
    )
    def test_a_signed_out_visitor_is_sent_to_the_shops_login_in_their_language(
        self, client, language, login_path
    ):
        # override() also restores the language an English request activates in this thread.
        with translation.override(language):
            summary = reverse("customer:summary")
            response = client.get(summary)
            login_page = client.get(response["Location"])

        assert response.status_code == 302
        assert response["Location"] == f"{login_path}?next={summary}"
        assert login_page.status_code == 200


class TestLogout:
    def test_a_get_does_not_sign_out(self, client):
        user = make_user("lan@example.vn")
        client.force_login(user)

        response = client.get(reverse("customer:logout"))

        assert response.status_code == 200
        assert signed_in_email(client) == "lan@example.vn"
        # The page offers the button that does sign out.
        assert f'action="{reverse("customer:logout")}"' in response.content.decode()

    def test_a_post_signs_out_and_goes_home_in_the_visitors_language(self, client):
        client.force_login(make_user("lan@example.vn"))

        with translation.override("en"):
            response = client.post(reverse("customer:logout"))

        assert (response.status_code, response["Location"]) == (302, "/en/")
        assert signed_in_email(client) is None

    def test_a_post_from_another_site_is_refused(self):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user("lan@example.vn"))

        response = client.post(reverse("customer:logout"))

        assert response.status_code == 403
        assert signed_in_email(client) == "lan@example.vn"

    def test_the_cms_logout_takes_a_post_too(self, client):
        client.force_login(make_user("lan@example.vn", is_superuser=True, is_staff=True))

        response = client.get(reverse("wagtailadmin_logout"))

        assert response.status_code == 405
        assert signed_in_email(client) == "lan@example.vn"
        # Not even the session cookie is dropped on the way.
        assert "sessionid" not in response.cookies
        client.post(reverse("wagtailadmin_logout"))
        assert signed_in_email(client) is None

    def test_the_header_signs_out_with_a_form(self, client):
        client.force_login(make_user("lan@example.vn"))

        page = client.get(reverse("customer:profile-view")).content.decode()

        assert f'<form method="post" action="{reverse("customer:logout")}"' in page
        assert f'href="{reverse("customer:logout")}"' not in page
