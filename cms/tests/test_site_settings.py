"""Header and footer read the officers' site settings, with built-in links as fallback."""

import pytest
from wagtail.models import Site

from cms.models import SiteSettings

from .factories import make_home


@pytest.fixture
def home(db):
    return make_home()


def test_without_settings_the_header_and_footer_use_the_built_in_links(client, home):
    html = client.get("/").content.decode()

    assert 'class="site-nav__link" href="/co-so-san-xuat/"' in html
    assert 'class="site-nav__link" href="/tin-tuc/"' in html
    assert 'href="/giao-hang-doi-tra/"' in html
    assert "Sở Nông nghiệp và Môi trường thành phố Cần Thơ" in html


def test_configured_navigation_footer_contact_and_social_links_are_shown(client, home):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.navigation = [
        ("link", {"label": "Đặc sản Tết", "page": None, "url": "/cua-hang/catalogue/?q=tet"}),
        ("link", {"label": "Trang chủ mới", "page": home, "url": ""}),
    ]
    settings.footer_links = [("link", {"label": "Hỏi đáp", "page": None, "url": "/hoi-dap/"})]
    settings.contact_phone = "0292 3821 123"
    settings.contact_email = "ocop@cantho.example"
    settings.zalo_url = "https://zalo.me/ocopcantho"
    settings.save()

    html = client.get("/").content.decode()

    assert 'class="site-nav__link" href="/cua-hang/catalogue/?q=tet">Đặc sản Tết</a>' in html
    assert 'class="site-nav__link" href="/">Trang chủ mới</a>' in html
    # the configured list replaces the built-in one
    assert 'class="site-nav__link" href="/tin-tuc/"' not in html
    assert '<a href="/hoi-dap/">Hỏi đáp</a>' in html
    assert 'href="tel:02923821123"' in html
    assert 'href="mailto:ocop@cantho.example"' in html
    assert 'href="https://zalo.me/ocopcantho"' in html
