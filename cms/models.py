from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
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
    subpage_types = [
        "villages.VillageIndexPage",
        "cms.ProgrammePage",
        "profiles.ProducerIndexPage",
        "profiles.ProductProfileIndexPage",
        "cms.NewsIndexPage",
        "cms.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    # {language: live home page} on the copy the site lookup keeps (cms.site_lookup):
    # Wagtail's routing starts from ``site.root_page.localized.specific``, which would
    # otherwise ask for the active locale and the specific page on every request.
    translations_by_language = None

    @property
    def localized_draft(self):
        if self.translations_by_language is not None:
            from .locales import active_language

            found = self.translations_by_language.get(active_language())
            if found is not None:
                return found
        return super().localized_draft

    def route(self, request, path_components):
        """A path of another language's tree under this prefix (``/en/lang-du-lich/…``,
        the English site's old Vietnamese paths) finds its page there; the
        ``before_serve_page`` hook then redirects it to its translation (cms.locales).
        A path found once is kept in the cache until the site changes (cms.routes), and
        so is whether the home page itself is private."""
        from . import routes

        if not path_components and routes.home_is_public(self):
            routes.known_public(self)
        found = routes.cached(self, request, path_components) if path_components else None
        if found is not None:
            return found
        version = routes.version() if path_components else None
        try:
            found = super().route(request, path_components)
        except Http404:
            from .locales import route_in_other_trees

            found = (
                route_in_other_trees(self, request, path_components) if path_components else None
            )
            if found is None:
                raise
        if path_components:
            routes.remember(self, request, path_components, found, version)
        return found


class HomePinnedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="pinned_products")
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="+", verbose_name=_("sản phẩm")
    )
    panels = [FieldPanel("product")]


def _target(verbose_name, default, help_text):
    return models.PositiveIntegerField(verbose_name, default=default, help_text=help_text)


class ProgrammePage(Page):
    """The public page of the city's OCOP programme: the plan's targets beside live counts.

    Targets are the officers' data (``cms.programme_targets``; a new page starts with
    those of the city plan of 31/5/2019); the counts beside them are read from the
    catalogue and the village pages on every view (see ``cms.programme``)."""

    intro = RichTextField(_("giới thiệu"), blank=True)
    plan_name = models.CharField(
        _("kế hoạch"),
        max_length=200,
        default="Kế hoạch OCOP 2019–2020 của UBND thành phố Cần Thơ (31/5/2019)",
        help_text=_("Văn bản đặt ra các chỉ tiêu bên dưới."),
    )
    budget_state = _target(
        _("kinh phí nhà nước (tỷ đồng)"), 100, _("Ngân sách nhà nước 2019–2020, tỷ đồng.")
    )
    budget_mobilised = _target(
        _("kinh phí huy động (tỷ đồng)"), 300, _("Vốn huy động xã hội 2019–2020, tỷ đồng.")
    )
    body = RichTextField(_("nội dung"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("plan_name"),
                FieldPanel("budget_state"),
                FieldPanel("budget_mobilised"),
            ],
            heading=_("Kế hoạch"),
        ),
        InlinePanel(
            "targets",
            label=_("Chỉ tiêu của kế hoạch"),
            help_text=_(
                "Mỗi chỉ tiêu có năm hoàn thành: trang so chỉ tiêu của năm đã qua với số "
                "liệu cuối năm đó, chỉ tiêu chưa đến hạn với số liệu hôm nay."
            ),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("trang chương trình OCOP")

    @property
    def budget_total(self):
        return self.budget_state + self.budget_mobilised

    def get_context(self, request, *args, **kwargs):
        from .programme import programme_progress

        context = super().get_context(request, *args, **kwargs)
        # Counted only when the page's part is not in the cache (programme_page.html).
        context["progress"] = SimpleLazyObject(lambda: programme_progress(self))
        return context


# News, plain content pages and site settings are in their own modules; they are
# imported here so that Django finds them as this app's models.
from .news import NewsIndexPage, NewsPage, NewsPageTag  # noqa: E402,F401
from .programme_targets import ProgrammeTarget  # noqa: E402,F401
from .site_settings import SiteSettings  # noqa: E402,F401
from .standard import StandardPage  # noqa: E402,F401
