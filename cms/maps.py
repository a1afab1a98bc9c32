"""Map markers for the Leaflet maps of villages and producers (``static/js/map.js``).

Markers travel in the page itself, in a JSON script tag, so the map needs no second
request and the list beside it stays the page's real content. Coordinates are written by
Python, never by a template's number formatting: in Vietnamese that would turn
``10.0105`` into ``10,0105``, which no map understands."""

from urllib.parse import urlencode


def coordinates(latitude, longitude):
    """ "lat,lng" with a dot as decimal mark in every language (None without both)."""
    if latitude is None or longitude is None:
        return None
    return f"{float(latitude):.6f},{float(longitude):.6f}"


def directions_url(latitude, longitude):
    """Directions to a point in Google Maps (the app on a phone, the site elsewhere),
    from wherever the visitor is; the same URL in both languages."""
    point = coordinates(latitude, longitude)
    if point is None:
        return ""
    return "https://www.google.com/maps/dir/?" + urlencode({"api": "1", "destination": point})


def marker(title, url, latitude, longitude, kind="", directions=False):
    """One marker, or None when the place has no coordinates (it stays in the list).
    With ``directions`` its popup links to directions to it."""
    if latitude is None or longitude is None:
        return None
    place = {
        "title": str(title),
        "url": url,
        "lat": float(latitude),
        "lng": float(longitude),
        "kind": str(kind),
    }
    if directions:
        place["directions"] = directions_url(latitude, longitude)
    return place


def markers(items):
    return [item for item in items if item is not None]
