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
        targets.update(translation_urls(page, request))
    return targets
