"""Site-wide settings officers edit in Wagtail: navigation, footer, contact, social links.

The header and footer read them (``settings.cms.SiteSettings``) and fall back to the
built-in links when a list is left empty. Settings belong to a site, not to a language,
so the texts visitors read have an English twin (``*_en``, ``label_en``) that English
pages show when it is filled in."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .locales import active_language


class LinkValue(blocks.StructValue):
    """What ``components/settings_link.html`` shows: in the visitor's language."""

    def text(self):
        return in_language(self.get("label"), self.get("label_en"))

    def target(self):
        # The chosen page is the Vietnamese one; English pages link to its translation.
        page = self.get("page")
        return page.localized if page is not None else None


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("chữ hiện"), max_length=60)
    label_en = blocks.CharBlock(
        label=_("chữ hiện (tiếng Anh)"),
        max_length=60,
        required=False,
        help_text=_("Chữ hiện trên trang tiếng Anh. Để trống: dùng chữ tiếng Việt."),
    )
    page = blocks.PageChooserBlock(label=_("trang"), required=False)
    url = blocks.CharBlock(
        label=_("hoặc đường dẫn"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ /cua-hang/catalogue/ hoặc một địa chỉ đầy đủ."),
    )

    class Meta:
        icon = "link"
        value_class = LinkValue


def in_language(vietnamese, english):
    """The English text on English pages when an officer wrote one, else the Vietnamese."""
    if english and active_language() == "en":
        return english
    return vietnamese


def _links(help_text):
    return StreamField([("link", LinkBlock())], blank=True, help_text=help_text)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    navigation = _links(_("Các mục trên thanh điều hướng. Để trống: dùng các mục mặc định."))
    footer_links = _links(_("Các liên kết ở chân trang. Để trống: dùng các liên kết mặc định."))
    contact_organisation = models.CharField(
        _("cơ quan"),
        max_length=200,
        default="Sở Nông nghiệp và Môi trường thành phố Cần Thơ",
    )
    contact_unit = models.CharField(
        _("bộ phận"), max_length=200, default="Bộ phận thường trực Chương trình OCOP"
    )
    contact_address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    contact_organisation_en = models.CharField(
        _("cơ quan (tiếng Anh)"),
        max_length=200,
        default="Can Tho City Department of Agriculture and Environment",
    )
    contact_unit_en = models.CharField(
        _("bộ phận (tiếng Anh)"), max_length=200, default="OCOP Programme Standing Office"
    )
    contact_address_en = models.CharField(
        _("địa chỉ (tiếng Anh)"),
        max_length=300,
        blank=True,
        help_text=_("Địa chỉ viết cho khách nước ngoài. Để trống: dùng địa chỉ tiếng Việt."),
    )
    contact_phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    zalo_url = models.URLField(_("Zalo"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)

    panels = [
        FieldPanel("navigation"),
        FieldPanel("footer_links"),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_unit"),
                FieldPanel("contact_address"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=_("Liên hệ"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation_en"),
                FieldPanel("contact_unit_en"),
                FieldPanel("contact_address_en"),
            ],
            heading=_("Liên hệ (tiếng Anh)"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("zalo_url"), FieldPanel("youtube_url")],
            heading=_("Mạng xã hội"),
        ),
    ]

    class Meta:
        verbose_name = _("cài đặt trang web")

    # The footer's contact block in the visitor's language.
    @property
    def organisation(self):
        return in_language(self.contact_organisation, self.contact_organisation_en)

    @property
    def unit(self):
        return in_language(self.contact_unit, self.contact_unit_en)

    @property
    def address(self):
        return in_language(self.contact_address, self.contact_address_en)

    @property
    def social_links(self):
        return [
            (name, url)
            for name, url in (
                ("Facebook", self.facebook_url),
                ("Zalo", self.zalo_url),
                ("YouTube", self.youtube_url),
            )
            if url
        ]
