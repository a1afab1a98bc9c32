"""``{% load booking_tags %}{% order_tickets order as tickets %}``: an order's tickets."""

from django import template

from experiences import tickets as ticket_links
from experiences.choices import BookingStatus
from experiences.models import Booking

register = template.Library()


@register.simple_tag
def order_tickets(order):
    """[(booking, its ticket page path)] of ``order``'s confirmed bookings: one query."""
    bookings = Booking.objects.filter(
        order_line__order=order, status=BookingStatus.CONFIRMED
    ).select_related("slot__experience__product")
    return [(b, ticket_links.booking_path(b)) for b in bookings.order_by("slot__starts_at")]
