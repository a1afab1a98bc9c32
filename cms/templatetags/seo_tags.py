"""Tags for ``components/seo.html`` and the JSON-LD blocks of pages."""

from django import template
from django.utils.safestring import mark_safe

from cms import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """``{% seo_meta as meta %}``: canonical URL, alternates, title, description, image."""
    return seo.meta(context)


def _script(data):
    return mark_safe(f'<script type="application/ld+json">{seo.to_script(data)}</script>')


@register.simple_tag(takes_context=True)
def page_breadcrumbs_jsonld(context, page):
    return _script(seo.page_breadcrumbs(context["request"], page))


@register.simple_tag(takes_context=True)
def product_jsonld(context, product, producer=None, group=None):
    request = context["request"]
    # A variable the view left out arrives as "" (Oscar's product-alert form re-renders
    # the product page without the producer and the group).
    producer, group = producer or None, group or None
    return _script(seo.product_data(request, product, producer)) + _script(
        seo.product_breadcrumbs(request, product, group)
    )


@register.simple_tag(takes_context=True)
def organization_jsonld(context, page):
    return _script(seo.organization_data(context["request"], page))


@register.simple_tag(takes_context=True)
def attraction_jsonld(context, page):
    return _script(seo.attraction_data(context["request"], page))
