"""Login rate limiting (django-axes) across the site's two login forms."""

from django.contrib.auth import get_user_model


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
