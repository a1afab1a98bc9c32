"""Plain content pages: about the programme, how to join, delivery, privacy, terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import StoryBlock


class StandardPage(Page):
    """A page of text and pictures with no listing of its own."""

    intro = models.CharField(
        _("dẫn nhập"), max_length=300, blank=True, help_text=_("Một câu dưới tiêu đề.")
    )
    body = StreamField(StoryBlock(), blank=True, verbose_name=_("nội dung"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("trang nội dung")
