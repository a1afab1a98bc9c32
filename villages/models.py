from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

import places

from .choices import VillageKind


class VillageIndexPage(Page):
    """The list of the city's tourism villages."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["villages.VillagePage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh sách làng du lịch")

    def get_context(self, request, *args, **kwargs):
        from .listing import village_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(village_listing(self, request.GET))
        return context


class VillagePage(Page):
    """A tourism village, craft village or community tourism spot, and what one can do
    there. Its experiences are those whose ``Experience.village`` is this page (the
    producer sets it with the experience; see ``villages.listing``)."""

    kind = models.CharField(
        _("loại"), max_length=12, choices=VillageKind.choices, default=VillageKind.TOURISM
    )
    commune_code = models.CharField(
        _("xã/phường"),
        max_length=8,
        blank=True,
        validators=[places.validate_cantho_ward],
        help_text=_("Mã xã/phường của TP Cần Thơ nơi có làng."),
    )
    summary = models.CharField(
        _("tóm tắt"), max_length=300, blank=True, help_text=_("Một hai câu hiện trong danh sách.")
    )
    body = RichTextField(_("câu chuyện"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh chính"),
    )
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    opening_hours = models.CharField(_("giờ mở cửa"), max_length=200, blank=True)
    ocop_product = models.ForeignKey(
        "catalogue.Product",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sản phẩm OCOP của làng"),
        help_text=_("Nếu chính làng/điểm du lịch được công nhận OCOP, chọn sản phẩm đó."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("commune_code"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Vị trí"),
        ),
        FieldPanel("ocop_product"),
        InlinePanel("producers", label=_("Chủ thể OCOP trong làng")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["villages.VillageIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("làng du lịch")

    @property
    def commune_name(self):
        return places.ward_name(self.commune_code)

    def get_context(self, request, *args, **kwargs):
        from pagecache.fragments import lazy_items

        context = super().get_context(request, *args, **kwargs)
        # Read only when the page's part is not in the cache (village_page.html).
        context.update(
            lazy_items(
                self._visit,
                ["village_producers", "village_experiences", "village_markers", "directions_url"],
            )
        )
        return context

    def _visit(self):
        from cms.locales import in_active_locale
        from profiles.models import ProducerPage

        from .listing import village_visit

        links = list(self.producers.select_related("partner"))
        pages = {
            page.partner_id: page
            for page in in_active_locale(
                ProducerPage.objects.live().filter(partner__in=[link.partner_id for link in links])
            )
        }
        # Each producer with its profile page when it has one (one query for all).
        producers = [(link.partner, pages.get(link.partner_id)) for link in links]
        return {"village_producers": producers, **village_visit(self, producers)}


class VillageProducer(Orderable):
    page = ParentalKey(VillagePage, on_delete=models.CASCADE, related_name="producers")
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.CASCADE, related_name="+", verbose_name=_("chủ thể")
    )
    panels = [FieldPanel("partner")]
