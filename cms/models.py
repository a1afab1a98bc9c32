from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class HomePage(Page):
    """The site's front page: promotes certified products and the tourism villages.

    Products shown are read live from the catalogue; officers may pin some first."""

    hero_title = models.CharField(_("tiêu đề lớn"), max_length=120, blank=True)
    hero_text = models.CharField(_("dòng giới thiệu"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh nền"),
    )
    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("intro"),
        InlinePanel(
            "pinned_products",
            label=_("Sản phẩm ghim lên trang chủ"),
            help_text=_("Hiện trước các sản phẩm được chọn tự động, theo thứ tự này."),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")


class HomePinnedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="pinned_products")
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="+", verbose_name=_("sản phẩm")
    )
    panels = [FieldPanel("product")]
