from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.cache import never_cache


@never_cache
def csrf_token(request):
    """A CSRF token for a cached page's form, fetched when the form is submitted
    (static/js/site.js); the response sets the CSRF cookie it goes with."""
    return JsonResponse({"token": get_token(request)})
