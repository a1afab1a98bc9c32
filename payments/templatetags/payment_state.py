"""Where an order's money stands, for templates (thank-you page, emails, seller lists)."""

from django import template

from payments import state
from payments.providers import provider_for

register = template.Library()


@register.simple_tag
def payment_summary(order):
    """The order's provider says it, e.g. "Đã thanh toán bằng thẻ"; empty without one."""
    try:
        return provider_for(order).shopper_summary(order)
    except LookupError:
        return ""


@register.simple_tag
def producer_payment_summary(group):
    try:
        return provider_for(group.order).producer_summary(group)
    except LookupError:
        return ""


@register.filter
def payment_pending(order):
    """True while the order waits for the shopper's money: not ready to ship."""
    return state.is_pending(order)


@register.inclusion_tag("payments/partials/payment_summary.html")
def payment_table(order):
    """What each producer's part of ``order`` is due, authorised, captured, refunded and
    still to collect (``payments.state.summary``), for order pages."""
    return {"order": order, "summary": state.summary(order)}
