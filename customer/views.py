from django.template.response import TemplateResponse
from django.urls import reverse
from oscar.apps.customer import views


class LogoutView(views.LogoutView):
    """Signing out takes a POST from the site's own pages (CSRF-checked). A GET, from an
    old link or another site's ``<img>``, only shows the button: any site could otherwise
    sign shoppers out."""

    def get(self, request, *args, **kwargs):
        return TemplateResponse(request, "oscar/customer/logout.html")

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_redirect_url(self, *args, **kwargs):
        # The home page in the visitor's language, where Oscar's setting is always "/".
        return reverse("wagtail_serve", args=[""])
