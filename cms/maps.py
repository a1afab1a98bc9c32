"""Map markers for the Leaflet maps of villages and producers (``static/js/map.js``).

Markers travel in the page itself, in a JSON script tag, so the map needs no second
request and the list beside it stays the page's real content."""


def marker(title, url, latitude, longitude, kind=""):
    """One marker, or None when the place has no coordinates (it stays in the list)."""
    if latitude is None or longitude is None:
        return None
    return {
        "title": str(title),
        "url": url,
        "lat": float(latitude),
        "lng": float(longitude),
        "kind": str(kind),
    }


def markers(items):
    return [item for item in items if item is not None]
