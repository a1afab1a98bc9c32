"""Template tags that bring Wagtail's stories onto commerce pages."""

from django import template

from cms.locales import in_active_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def product_story(context, product):
    """``{% product_story product as story %}``: the live story page of a product, or None.

    In a Wagtail preview the unsaved story being edited is used instead, so the preview
    is the real product page with live price, stock and stars. One query."""
    from profiles.models import ProductProfilePage

    request = context.get("request")
    preview = getattr(request, "product_story_preview", None)
    if preview is not None and preview.product_id == product.pk:
        return preview
    # live() only: view restrictions (private pages) cost a query of their own, and a
    # product's story is public information, shown wherever the product is.
    stories = in_active_locale(ProductProfilePage.objects.live().filter(product=product))
    return stories.first()


@register.simple_tag
def page_results(query):
    """``{% page_results q as pages %}``: producers, villages, news matching a search."""
    from cms.search import page_results as find

    return find(query)
