from wagtail import hooks

from .middleware import mark_public


@hooks.register("before_serve_page")
def _public_page(page, request, serve_args, serve_kwargs):
    # A restricted page answers with a login redirect or a password form (which sets the
    # CSRF cookie): neither is a 200 without cookies, so neither is stored.
    mark_public(request)
