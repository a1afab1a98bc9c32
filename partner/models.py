from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

import places

from .choices import ProducerKind


class Partner(AbstractPartner):
    """An OCOP producer ("chủ thể OCOP") and its trading identity in the shop.

    Its products are offered through its stock records; its users are the accounts
    that run its seller area. Where it is: a commune or ward of Cần Thơ, by code.
    """

    kind = models.CharField(
        _("loại hình"),
        max_length=3,
        choices=ProducerKind.choices,
        default=ProducerKind.HOUSEHOLD,
        db_index=True,
    )
    commune_code = models.CharField(
        _("xã/phường"),
        max_length=8,
        blank=True,
        db_index=True,
        validators=[places.validate_cantho_ward],
        help_text=_("Mã xã/phường của TP Cần Thơ (sau sắp xếp 1/7/2025)."),
    )
    street_address = models.CharField(
        _("địa chỉ"), max_length=255, blank=True, help_text=_("Số nhà, đường, ấp/khu vực.")
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    @property
    def commune_name(self):
        return places.ward_name(self.commune_code)

    @property
    def full_address(self):
        parts = [self.street_address, self.commune_name, places.province_name(places.CAN_THO)]
        return ", ".join(p for p in parts if p)


from oscar.apps.partner.models import *  # noqa: E402,F401,F403
