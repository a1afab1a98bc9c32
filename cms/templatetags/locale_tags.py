"""Template tags for the two languages of the site."""

from django import template
from django.conf import settings
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def language_switch_targets(context):
    """``{% language_switch_targets as targets %}``: ``{language: path}`` the switch sends
    the visitor to. A Wagtail page goes to its translation (the English tree has its own
    slugs); anything else (shop, seller area, a page not translated yet) to the same path
    and query string under the other prefix, which Django's ``set_language`` rewrites."""
    from cms.locales import translation_urls

    neutral = context.get("LANGUAGE_NEUTRAL_PATH") or "/"
    targets = {code: neutral for code, _name in settings.LANGUAGES}
    page = context.get("page")
    if isinstance(page, Page) and page.pk and context.get("product") is None:
        request = context.get("request")
        for code, url in translation_urls(page, request).items():
            targets[code] = without_prefix(url, code)
    return targets


def without_prefix(path, language):
    """``/en/villages/x/`` → ``/villages/x/``: set_language adds the prefix back (it always
    resolves ``next`` as Vietnamese, the unprefixed language, then reverses it in the
    chosen one), so a prefixed ``next`` would come back prefixed twice."""
    prefix = f"/{language}/"
    if language != settings.LANGUAGE_CODE and path.startswith(prefix):
        return path[len(prefix) - 1 :]
    return path
