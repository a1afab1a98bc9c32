"""Admin forms that keep a producer's pages about the producer's own things.

Wagtail's "add" permission lets a producer create pages under the profile indexes; these
forms make sure such a page can only be about one of its own producers or products.
Officers (who may publish) choose freely."""

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.roles import is_officer

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


class ProducerPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not is_officer(user) and "partner" in self.fields:
            self.fields["partner"].queryset = Partner.objects.filter(users=user)
            self.fields["partner"].error_messages["invalid_choice"] = _(
                "Chỉ chọn được chủ thể mà tài khoản của bạn thuộc về."
            )


class ProductProfilePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not is_officer(user) and "product" in self.fields:
            self.fields["product"].queryset = Product.objects.filter(
                stockrecords__partner__users=user
            ).distinct()
            self.fields["product"].error_messages["invalid_choice"] = _(
                "Chỉ chọn được sản phẩm của cơ sở bạn."
            )
