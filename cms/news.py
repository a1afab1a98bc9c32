"""Programme news: articles with a date, tags, a picture and a story body."""

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

import params

from .blocks import StoryBlock
from .image_renditions import CARD_SPECS
from .locales import children_in_locale
from .visibility import public

NEWS_PER_PAGE = 12


class NewsIndexPage(Page):
    """The list of programme news, newest first, filterable by tag (``?tag=``)."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh sách tin tức")

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Prefetch
        from wagtail.images import get_image_model

        context = super().get_context(request, *args, **kwargs)
        articles = public(children_in_locale(NewsPage, self))
        tag = params.text(request.GET, "tag", max_length=100)
        if tag and NewsPageTag.objects.filter(tag__slug=tag).exists():
            articles = articles.filter(tags__slug=tag)
        else:
            tag = ""
        images = get_image_model().objects.prefetch_renditions(*CARD_SPECS)
        articles = articles.prefetch_related(Prefetch("image", queryset=images)).order_by(
            "-date", "-pk"
        )
        paginator = Paginator(articles, NEWS_PER_PAGE)
        try:
            page = paginator.page(params.integer(request.GET, "trang", default=1, minimum=1))
        except EmptyPage:
            page = paginator.page(1)
        context.update(articles=page, selected_tag=tag)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(Page):
    """One news article of the OCOP programme."""

    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    summary = models.CharField(
        _("tóm tắt"), max_length=300, blank=True, help_text=_("Hiện trong danh sách tin.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ảnh đại diện"),
        help_text=_("Dùng trong danh sách và khi chia sẻ lên Zalo, Facebook."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("thẻ"))
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("nội dung"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin tức")
