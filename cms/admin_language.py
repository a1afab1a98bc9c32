"""The Wagtail admin (/cms/) speaks Vietnamese unless the editor chose otherwise.

Producers and officers are Vietnamese; a browser that asks for English, or the language
cookie left by reading the public site at /en/, must not turn their admin into English.
Wagtail takes the language from the editor's profile ("Tài khoản" → "Ngôn ngữ") and,
when none is set, from the request: this puts the site's language there for /cms/.
"""

from django.conf import settings
from django.utils import translation

ADMIN_PREFIX = "/cms/"


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
