import pytest

from seller.tests.conftest import officer, producer_a, reference  # noqa: F401


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores into its own empty media folder, so "nothing stored" is checkable."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT
