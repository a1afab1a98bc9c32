"""SameSite on every cookie the site sets.

Django's own cookies (session, CSRF, language, messages) take their SameSite from
settings, but Oscar sets the anonymous basket cookie without one and deletes cookies
(basket, recently viewed) without one. Rather than fork each place, this middleware,
outermost, gives ``SAMESITE_COOKIES_DEFAULT`` to any cookie of the response that has none.
"""

from django.conf import settings


class SameSiteCookiesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        for morsel in response.cookies.values():
            if not morsel["samesite"]:
                morsel["samesite"] = settings.SAMESITE_COOKIES_DEFAULT
        return response
