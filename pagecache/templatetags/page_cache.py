from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def csrf_on_use():
    """The CSRF field of a form on a public page, left empty so the page stays the same
    for every visitor (and cacheable): static/js/site.js puts the CSRF cookie's value in
    it when the form is sent."""
    return mark_safe('<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-on-use>')


@register.simple_tag(takes_context=True)
def product_cards(
    context, products, template_name="components/product_card.html", eager_first=False
):
    """The rendered cards of ``products``, from the shared cache where it holds them
    (``pagecache.fragments``): ``{% product_cards products "…" as cards %}``.
    ``eager_first``: the first card's picture is fetched first (``eager_image``)."""
    from pagecache.fragments import render_cards

    return render_cards(context, products, template_name, eager_first)


@register.simple_tag
def fragment_key(*tag_names):
    """What a fragment cached with Django's ``{% cache %}`` varies on, for fragments that
    are the same for every visitor: the language, the day and the versions of the tags
    it shows (``pagecache.tags``), so any change renders it again::

        {% fragment_key "site" "catalogue" as fragment %}
        {% cache fragment.seconds "home-lists" fragment.key %}…{% endcache %}
    """
    from pagecache.fragments import Fragment

    return Fragment(tag_names)
