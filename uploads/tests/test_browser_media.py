"""In a real Chromium: what an outside tester uploaded never runs as the shop."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from playwright.sync_api import Error, expect

from seller.tests.factories import PASSWORD, make_producer

from . import samples

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def site_serves_media(monkeypatch):
    """Django's live test server answers /media/ itself, as a plain static folder; step it
    aside so the site's own media serving (uploads.serving, as in `make run`) answers."""
    from django.test.testcases import _MediaFilesHandler

    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)


def _watch(page):
    """Every dialog the page opens (the payload calls alert())."""
    opened = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def test_uploaded_polyglot_opens_as_a_picture_and_runs_nothing(desktop_page, tmp_path):
    from catalogue.reference import load_product_classes

    load_product_classes()
    _user, _partner, product = make_producer("HTX A", "a@example.vn", "Bánh tráng sữa")
    upload = tmp_path / "x.html"
    upload.write_bytes(samples.polyglot().read())
    page = desktop_page
    opened = _watch(page)

    page.goto("/nguoi-ban/")
    page.locator("#id_login-username").fill("a@example.vn")
    page.locator("#id_login-password").fill(PASSWORD)
    page.locator("[name=login_submit]").click()
    page.goto(reverse("seller:product-edit", args=[product.pk]))
    page.get_by_label("Thêm ảnh").set_input_files(str(upload))
    page.get_by_role("button", name="Tải ảnh lên").click()
    expect(page.get_by_text("Đã thêm ảnh.")).to_be_visible()

    url = product.images.get().original.url
    response = page.goto(url)

    assert url.endswith(".png") and response.headers["content-type"] == "image/png"
    assert response.headers["x-content-type-options"] == "nosniff"
    page.wait_for_timeout(300)  # time for a script, had there been one, to run
    assert page.evaluate("document.title") != "pwned"
    assert opened == []


def test_a_stored_html_file_is_a_download_never_a_page(desktop_page, live_server):
    # A file stored before uploads were re-encoded, under its uploader's name.
    name = default_storage.save("images/products/2025/x.html", ContentFile(samples.SCRIPT))
    page = desktop_page
    opened = _watch(page)

    with page.expect_download() as download:
        try:
            page.goto(default_storage.url(name))
        except Error:
            pass  # Chromium abandons the navigation when the answer is a download

    assert download.value.suggested_filename == "x.html"
    assert page.evaluate("document.title") != "pwned"
    assert opened == []
