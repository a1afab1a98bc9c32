"""Profiles of OCOP producers and of their certified products, written in Wagtail.

The story lives here; the trading identity (name, address, phone), prices, stock and
stars stay in the catalogue and are read live (see "Who owns what" in the design).
A product has one public URL, the shop's product page: its profile's own URL redirects
there, and the shop page shows the live profile's story."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import StoryBlock
from cms.maps import marker, markers

from .forms import ProducerPageForm, ProductProfilePageForm


class ProducerIndexPage(Page):
    """The list and map of OCOP producers, filterable by kind and commune."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["profiles.ProducerPage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh sách chủ thể OCOP")

    def get_context(self, request, *args, **kwargs):
        from .listing import producer_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(producer_listing(self, request.GET))
        return context


class ProducerPage(Page):
    """The story of one OCOP producer (cooperative, group, enterprise or household).

    Name, address, phone and location come from its Partner; the products shown are
    its certified products, read live from the catalogue."""

    partner = models.ForeignKey(
        "partner.Partner",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chủ thể OCOP"),
        help_text=_("Tên, địa chỉ, điện thoại và sản phẩm lấy từ hồ sơ của chủ thể ở cửa hàng."),
    )
    summary = models.CharField(
        _("tóm tắt"), max_length=300, blank=True, help_text=_("Một hai câu hiện trong danh sách.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh chính"),
        help_text=_("Ảnh cơ sở, vườn hoặc người làm; đặt điểm lấy nét để ảnh cắt đẹp."),
    )
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("câu chuyện"))
    email = models.EmailField(_("email liên hệ"), blank=True)
    website = models.URLField(_("trang web hoặc Facebook"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("partner"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("website")], heading=_("Liên hệ")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    base_form_class = ProducerPageForm
    parent_page_types = ["profiles.ProducerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang chủ thể OCOP")

    def partner_coordinates(self):
        if self.partner is None:
            return None, None
        return self.partner.latitude, self.partner.longitude

    def clean(self):
        super().clean()
        # One page per producer in each language: its translation is not a second page.
        others = ProducerPage.objects.filter(
            partner_id=self.partner_id, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.partner_id and others.exists():
            raise ValidationError({"partner": _("Chủ thể này đã có trang giới thiệu.")})

    def get_context(self, request, *args, **kwargs):
        from pagecache.fragments import lazy_items

        from .listing import producer_products, producer_villages

        context = super().get_context(request, *args, **kwargs)

        # Read only when the page's part is not in the cache (producer_page.html).
        def read():
            return {
                "products": producer_products(self.partner) if self.partner else [],
                "villages": producer_villages(self.partner) if self.partner else [],
                "location_markers": markers(
                    [marker(self.title, "", *(self.partner_coordinates()))]
                ),
            }

        context.update(lazy_items(read, ["products", "villages", "location_markers"]))
        return context


class ProductProfileIndexPage(Page):
    """Holds the product profiles in the tree; shoppers browse products in the shop."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["profiles.ProductProfilePage"]
    max_count = 1

    class Meta:
        verbose_name = _("nhóm câu chuyện sản phẩm")

    def serve(self, request, *args, **kwargs):
        return HttpResponsePermanentRedirect(reverse("catalogue:index"))

    def get_sitemap_urls(self, request=None):
        return []


class ProductProfilePage(Page):
    """The story of a certified product: how it is made, its ingredients, its village.

    Shown on the shop's product page, below the buy box; this page's own URL answers a
    permanent redirect there, and its preview is that product page with this story."""

    product = models.ForeignKey(
        "catalogue.Product",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sản phẩm"),
        help_text=_("Giá, tồn kho, số sao và chứng nhận hiện theo cửa hàng, không nhập lại ở đây."),
    )
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("câu chuyện sản phẩm"))

    content_panels = Page.content_panels + [FieldPanel("product"), FieldPanel("body")]
    base_form_class = ProductProfilePageForm
    parent_page_types = ["profiles.ProductProfileIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("câu chuyện sản phẩm")

    def clean(self):
        super().clean()
        others = ProductProfilePage.objects.filter(
            product_id=self.product_id, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.product_id and others.exists():
            raise ValidationError({"product": _("Sản phẩm này đã có trang câu chuyện.")})

    def serve(self, request, *args, **kwargs):
        if self.product is None:  # the product was deleted from the catalogue
            raise Http404
        return HttpResponsePermanentRedirect(self.product.get_absolute_url())

    def serve_preview(self, request, mode_name):
        from catalogue.views import ProductDetailView

        if self.product is None:
            raise Http404
        # The template tag ``product_story`` picks this unsaved story up from the request.
        request.product_story_preview = self
        # The preview request carries this page's path; the product view must not redirect it.
        view = ProductDetailView.as_view(enforce_paths=False, enforce_parent=False)
        return view(request, pk=self.product_id, product_slug=self.product.slug)

    def get_sitemap_urls(self, request=None):
        # The product's URL is listed by the product sitemap.
        return []
