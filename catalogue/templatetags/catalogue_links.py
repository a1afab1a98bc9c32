"""``{{ product|basket_add_url }}``: where a card's add-to-basket form posts, as
``{% url 'basket:add' pk=product.pk %}`` prints it, without a resolver walk per card
(``catalogue.links``)."""

from django import template

from catalogue.links import basket_add_url as _basket_add_url

register = template.Library()


@register.filter
def basket_add_url(product):
    return _basket_add_url(product)
