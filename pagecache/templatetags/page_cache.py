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


@register.tag
def cached_part(parser, token):
    """A part of a page the same for every visitor, kept while nothing it shows changes
    (``pagecache.fragments.render_part``)::

        {% cached_part "product-info" product.pk %}…{% endcached_part %}
        {% cached_part "village-page" page.pk seconds=600 %}…{% endcached_part %}

    The first argument names the part; the others are what it varies on besides the
    language and the day; ``seconds=`` shortens how long it is kept. It must not show
    anything about the visitor (name, basket, permissions); a CSRF token keeps it out of
    the cache."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("cached_part needs a name")
    seconds = None
    if bits[-1].startswith("seconds="):
        seconds = parser.compile_filter(bits.pop().removeprefix("seconds="))
    nodelist = parser.parse(("endcached_part",))
    parser.delete_first_token()
    return CachedPartNode(nodelist, [parser.compile_filter(bit) for bit in bits], seconds)


class CachedPartNode(template.Node):
    def __init__(self, nodelist, bits, seconds):
        self.nodelist = nodelist
        self.bits = bits
        self.seconds = seconds

    def render(self, context):
        from pagecache.fragments import render_part

        name, *vary = [bit.resolve(context) for bit in self.bits]
        seconds = int(self.seconds.resolve(context)) if self.seconds else None
        return render_part(
            context, name, vary, lambda: self.nodelist.render(context), seconds=seconds
        )
