import pytest
from django.urls import reverse

from catalogue.tests.factories import groups, offer, producer
from cms.site_settings import SiteSettings
from cms.tests.factories import make_home


@pytest.fixture
def cached_site(settings):
    """A home page and the page cache on. The site settings row that a first visit would
    create (a change the cache must see) is created here, as a running site has it."""
    settings.OCOP_PAGE_CACHE_SECONDS = 600
    home = make_home()
    SiteSettings.for_site(home.get_site())
    return home


@pytest.fixture
def shop(cached_site):
    """Two products of one producer, with the page cache on."""
    g = groups()
    htx = producer("HTX Mỹ Khánh")
    return {
        "group": g["1.3"],
        "producer": htx,
        "pia": offer("Bánh pía Sóc Trăng", g["1.3"], htx, 85_000, 4),
        "trang": offer("Bánh tráng Thuận Hưng", g["1.3"], htx, 45_000, 3),
    }


@pytest.fixture
def shopper(client, shop):
    """A visitor with a basket: the page cache does not serve them; cards and kept parts
    (pagecache.fragments) do."""
    client.post(reverse("basket:add", kwargs={"pk": shop["trang"].pk}), {"quantity": 1})
    return client
