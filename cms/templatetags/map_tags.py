"""Map markers for the village list (the producer list builds its own in its context)."""

from django import template

from cms.maps import marker, markers

register = template.Library()


@register.simple_tag
def village_markers(villages):
    """``{% village_markers villages as markers %}``: a marker per village with a place."""
    return markers(
        marker(v.title, v.url, v.latitude, v.longitude, v.get_kind_display()) for v in villages
    )
