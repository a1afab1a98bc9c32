from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractShippingAddress

import places


class ShippingAddress(AbstractShippingAddress):
    """Where an order goes, as Vietnamese addresses are written since 1 July 2025.

    Oscar's fields carry the text (line1 = house number and street, line4 = commune or
    ward, state = province or city); the official unit codes are kept beside them so
    deliveries can be grouped and checked against the current list.
    """

    province_code = models.CharField(_("mã tỉnh/thành phố"), max_length=4, blank=True)
    ward_code = models.CharField(_("mã xã/phường"), max_length=8, blank=True)

    @property
    def ward_belongs_to_province(self):
        return str(places.province_of_ward(self.ward_code)) == str(self.province_code)


class FulfilmentGroup(models.Model):
    """One producer's part of an order: its lines travel as one shipment.

    Created for every producer in the order when the order is placed; the producer moves
    it through its statuses and the shopper sees each group on the order page.
    """

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        PACKED = "packed", _("Đã đóng gói")
        SHIPPED = "shipped", _("Đang giao")
        DELIVERED = "delivered", _("Đã giao")
        CANCELLED = "cancelled", _("Đã hủy")

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="fulfilment_groups"
    )
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="fulfilment_groups"
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    carrier = models.CharField(_("đơn vị vận chuyển"), max_length=100, blank=True)
    tracking_number = models.CharField(_("mã vận đơn"), max_length=100, blank=True)
    shipping_charge = models.DecimalField(
        _("phí giao hàng"), max_digits=12, decimal_places=2, default=0
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    packed_at = models.DateTimeField(null=True, blank=True)
    shipped_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phần đơn của cơ sở")
        verbose_name_plural = _("phần đơn của các cơ sở")
        ordering = ["partner__name"]
        constraints = [
            models.UniqueConstraint(fields=["order", "partner"], name="one_group_per_producer")
        ]

    def __str__(self):
        return f"{self.order.number} · {self.partner.name}"

    @property
    def lines(self):
        return self.order.lines.filter(partner=self.partner)

    def can_move_to(self, status):
        """Whether the group may go from its status to ``status``. There is no way back:
        the parcel's stock has been settled (see ``order.fulfilment.move_stock``)."""
        return status == self.status or status in NEXT_STATUSES.get(self.status, ())

    def set_status(self, status):
        from django.utils import timezone

        self.status = status
        stamp = {
            self.Status.PACKED: "packed_at",
            self.Status.SHIPPED: "shipped_at",
            self.Status.DELIVERED: "delivered_at",
            self.Status.CANCELLED: "cancelled_at",
        }.get(status)
        if stamp:
            setattr(self, stamp, timezone.now())
        self.save()


_S = FulfilmentGroup.Status
NEXT_STATUSES = {
    _S.NEW: (_S.PACKED, _S.SHIPPED, _S.DELIVERED, _S.CANCELLED),
    _S.PACKED: (_S.SHIPPED, _S.DELIVERED, _S.CANCELLED),
    _S.SHIPPED: (_S.DELIVERED,),
}


from oscar.apps.order.models import *  # noqa: E402,F401,F403
