"""Who is asking: the client's address and the account a login names, for the rate limits
on the site's two login forms (django-axes) and on guest order tracking."""

from django.contrib.auth import get_user_model
from ipware import ip as ipware


def client_address(request):
    """The client's IP address as django-ipware reads it with the site's ``IPWARE_*``
    settings: the connection's own address, or behind the proxies the one they recorded
    in X-Forwarded-For. A header shorter than the proxies configured (a request that
    skipped one of them) falls back to the connection's own address."""
    address, _routable = ipware.get_client_ip(request)
    return address or request.META.get("REMOTE_ADDR", "")


def login_username(request, credentials=None):
    """The account a login attempt names, as one key whichever way it was named.

    Oscar's shop login prefixes its fields ("login-username") and people sign in with
    their email, while axes resets the count on success by the account's username:
    every form of the name is brought to the account's email (lower-cased), so failures
    and the success that clears them count against the same key."""
    typed = (credentials or {}).get("username")
    if not typed and request is not None:
        data = getattr(request, "POST", {})
        typed = data.get("login-username") or data.get("username")
    typed = (typed or "").strip()
    if not typed:
        return None
    if "@" not in typed:
        email = (
            get_user_model().objects.filter(username=typed).values_list("email", flat=True).first()
        )
        typed = email or typed
    return typed.lower()
