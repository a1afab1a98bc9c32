"""The Wagtail admin and Oscar's dashboard keep working in Chromium under the site's
Content-Security-Policy and Permissions-Policy: their scripts run (menus drawn by
JavaScript, the rich-text editor) and the browser reports nothing blocked."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from PIL import Image
from playwright.sync_api import expect

from cms.tests.factories import groups, make_product
from profiles.tests.factories import add_story, make_tree

pytestmark = pytest.mark.browser

PASSWORD = "Mat-khau-rat-kho-doan-2025"


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), (31, 111, 67)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def site_tree(desktop_page):
    """(home, producers, stories, news); Wagtail's admin needs its page tree."""
    return make_tree()


@pytest.fixture
def officer_page(site_tree, desktop_page):
    """A superuser signed in through the Wagtail login form."""
    get_user_model().objects.create_superuser("canbo", "canbo@example.vn", PASSWORD)
    page = desktop_page
    page.goto("/cms/login/")
    page.fill("#id_username", "canbo")
    page.fill("#id_password", PASSWORD)
    page.locator("form [type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/cms/$"))
    return page


def test_wagtail_admin_runs_under_the_policy(site_tree, officer_page):
    home, _producers, stories, _news = site_tree
    rice = make_product("Gạo ST25", groups()["1.1"], stars=4)
    story = add_story(stories, rice, "gao-st25")
    page = officer_page

    # the sidebar menu is drawn by Wagtail's JavaScript
    page.goto("/cms/")
    expect(page.locator("#wagtail-sidebar nav")).to_be_visible()

    # the page editor: its StreamField/rich-text widgets are scripts too
    page.goto(f"/cms/pages/{story.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(re.compile("Gạo ST25"))
    expect(page.locator("[data-draftail-editor], .Draftail-Editor").first).to_be_visible()

    # explorer and image library
    page.goto(f"/cms/pages/{home.pk}/")
    expect(page.get_by_role("link", name=re.compile("Câu chuyện sản phẩm")).first).to_be_visible()
    page.goto("/cms/images/")
    expect(page.locator("main h1, #main h1").first).to_be_visible()

    assert page.policy_violations == [], "\n".join(page.policy_violations)


def test_oscar_dashboard_runs_under_the_policy(officer_page):
    rice = make_product("Gạo ST25", groups()["1.1"], stars=4)
    page = officer_page

    page.goto("/cua-hang/dashboard/")
    expect(page.locator("h1").first).to_be_visible()
    page.goto("/cua-hang/dashboard/orders/")
    expect(page.locator("#orders_search_form, form").first).to_be_visible()

    # the product form's description is a TinyMCE editor, started from the onbodyload script
    page.goto(f"/cua-hang/dashboard/catalogue/products/{rice.pk}/")
    expect(page.locator(".tox-tinymce").first).to_be_visible()

    # a chosen photo shows before upload and its upload button hides (static/js/image-input.js)
    page.locator('a[href="#product_images"]').click()
    button = page.locator("#upload_button_id_images-0-original-image")
    expect(button).to_be_visible()
    page.set_input_files(
        "#id_images-0-original",
        files=[{"name": "gao.png", "mimeType": "image/png", "buffer": png()}],
    )
    expect(page.locator("#id_images-0-original-image img")).to_have_attribute(
        "src", re.compile(r"^data:image/png")
    )
    expect(button).to_be_hidden()

    assert page.policy_violations == [], "\n".join(page.policy_violations)
