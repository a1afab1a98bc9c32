from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache


@never_cache
def csrf_cookie(request):
    """Sets the CSRF cookie for the forms of cached pages (static/js/site.js loads it as a
    script, so the page's load event waits for it); the forms send the cookie's value."""
    get_token(request)
    return HttpResponse("/* CSRF cookie set */\n", content_type="text/javascript")
