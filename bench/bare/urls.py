from django.http import HttpResponse
from django.urls import path

# One 30 000-byte HTML response: the reference every page is measured against (issue 14).
BODY = ("<!doctype html><title>bare</title>\n" + ("<p>" + "x" * 96 + "</p>\n") * 300)[:30_000]


def bare(request):
    return HttpResponse(BODY)


urlpatterns = [path("", bare)]
