from wagtail import hooks

from .middleware import mark_public

# What Wagtail pages read from the query: news tag and page, producers' kind and commune.
PAGE_PARAMS = {"tag", "trang", "loai", "xa"}


@hooks.register("before_serve_page")
def _public_page(page, request, serve_args, serve_kwargs):
    # A restricted page answers with a login redirect or a password form (which sets the
    # CSRF cookie): neither is a 200 without cookies, so neither is stored.
    mark_public(request, PAGE_PARAMS)
