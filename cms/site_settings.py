"""Site-wide settings officers edit in Wagtail: navigation, footer, contact, social links.

The header and footer read them (``settings.cms.SiteSettings``) and fall back to the
built-in links when a list is left empty."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("chữ hiện"), max_length=60)
    page = blocks.PageChooserBlock(label=_("trang"), required=False)
    url = blocks.CharBlock(
        label=_("hoặc đường dẫn"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ /cua-hang/catalogue/ hoặc một địa chỉ đầy đủ."),
    )

    class Meta:
        icon = "link"


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
            [FieldPanel("facebook_url"), FieldPanel("zalo_url"), FieldPanel("youtube_url")],
            heading=_("Mạng xã hội"),
        ),
    ]

    class Meta:
        verbose_name = _("cài đặt trang web")

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
