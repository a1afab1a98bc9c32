import pytest

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
