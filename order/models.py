from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.address.abstract_models import AbstractShippingAddress
from oscar.apps.order.abstract_models import AbstractOrder

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


class RefundState(models.TextChoices):
    NONE = "", _("Chưa hoàn tiền")
    PARTLY = "partly", _("Đã hoàn một phần")
    FULL = "full", _("Đã hoàn tiền")


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
    # Beside the delivery status, not instead of it: a parcel can be delivered and then
    # partly refunded. Kept in step with the group's Refund lines by order.refunds.
    refund_state = models.CharField(
        _("hoàn tiền"), max_length=8, choices=RefundState.choices, blank=True, default=""
    )

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

    @property
    def state_label(self):
        """What the shopper and producer read: the delivery step, or the refund that
        ended it, or both ("Đã giao · Đã hoàn một phần")."""
        if self.refund_state == RefundState.FULL and self.status != self.Status.CANCELLED:
            return RefundState.FULL.label
        if self.refund_state == RefundState.PARTLY:
            return f"{self.get_status_display()} · {RefundState.PARTLY.label}"
        return self.get_status_display()

    @property
    def is_closed(self):
        """Nothing more will ship or be paid for in this group."""
        return self.status == self.Status.CANCELLED or self.refund_state == RefundState.FULL

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


class Refund(models.Model):
    """Money given back for chosen lines (and delivery fees) of one order, once.

    ``key`` is the one-time token of the form that asked for it: the same form submitted
    again finds its refund already recorded. What each line and group got back is in
    :class:`RefundLine`; ``order.refunds`` is the only writer.
    """

    class Reason(models.TextChoices):
        REFUND = "refund", _("Hoàn tiền")
        CANCEL = "cancel", _("Hủy trước khi giao")

    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="refunds")
    key = models.UUIDField(unique=True)
    reason = models.CharField(max_length=8, choices=Reason.choices, default=Reason.REFUND)
    amount = models.DecimalField(_("số tiền"), max_digits=12, decimal_places=2)
    provider = models.CharField(max_length=16, blank=True)
    reference = models.CharField(_("mã giao dịch"), max_length=255, blank=True)
    restocked = models.BooleanField(_("trả hàng về kho"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần hoàn tiền")
        verbose_name_plural = _("các lần hoàn tiền")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive")
        ]

    def __str__(self):
        return f"{self.order.number} · {self.amount}"


class RefundLine(models.Model):
    """Part of a refund: units of one order line, or (``line`` empty) a group's delivery fee."""

    refund = models.ForeignKey(Refund, on_delete=models.CASCADE, related_name="lines")
    group = models.ForeignKey(
        FulfilmentGroup, on_delete=models.PROTECT, related_name="refund_lines"
    )
    line = models.ForeignKey(
        "order.Line", null=True, blank=True, on_delete=models.PROTECT, related_name="refund_lines"
    )
    quantity = models.PositiveIntegerField(default=0)
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("dòng hoàn tiền")
        verbose_name_plural = _("các dòng hoàn tiền")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="refund_line_amount_not_negative"
            )
        ]

    def __str__(self):
        return f"{self.line.title if self.line_id else self.group} × {self.quantity}"


class Order(AbstractOrder):
    """Oscar's order, with the language the shopper placed it in: every email about it
    is written in that language (order.emails), whoever triggers it and from where."""

    language = models.CharField(
        _("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )


from oscar.apps.order.models import *  # noqa: E402,F401,F403
