"""Template variables that the site's base layout (``templates/base.html``) reads on every page."""

from django.conf import settings
from django.utils.translation import get_language


def site_notices(request):
    """Expose the sample-data flag and the current path without its language prefix.

    ``LANGUAGE_NEUTRAL_PATH`` is what the language switch posts as ``next``: Django's
    ``set_language`` then re-prefixes it for the chosen language, which also works on
    pages that do not resolve (a 404 stays the same 404 in the other language).
    """
    path = request.get_full_path()
    language = get_language()
    prefix = f"/{language}/"
    if language != settings.LANGUAGE_CODE and path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    return {
        "SHOW_SAMPLE_DATA_NOTICE": settings.DEMO_DATA_NOTICE,
        "LANGUAGE_NEUTRAL_PATH": path,
    }
