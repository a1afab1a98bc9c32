from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def csrf_on_use():
    """The CSRF field of a form on a public page, left empty so the page stays the same
    for every visitor (and cacheable): static/js/site.js puts the CSRF cookie's value in
    it when the form is sent."""
    return mark_safe('<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-on-use>')
