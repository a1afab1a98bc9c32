"""The server's memory of a checkout in flight and of Stripe's webhook events."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingCheckout(models.Model):
    """Everything needed to turn a basket into an order, kept on the server.

    Written when the shopper places the order (before any money moves), so the webhook
    can still create exactly one order from a payment whose browser never came back.
    ``idempotency_key`` is sent with every create call to Stripe for this checkout, so a
    retried request never makes a second PaymentIntent.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Đang chờ thanh toán")
        PLACED = "placed", _("Đã tạo đơn")
        FAILED = "failed", _("Không thành công")
        CANCELLED = "cancelled", _("Đã hủy (hết hàng)")

    basket = models.ForeignKey(
        "basket.Basket", on_delete=models.PROTECT, related_name="pending_checkouts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    email = models.EmailField()
    phone = models.CharField(max_length=32)
    address = models.JSONField(default=dict, help_text="ShippingAddress field values")
    shipping_method_code = models.CharField(max_length=64)
    lines = models.JSONField(default=list, help_text="[[stockrecord id, quantity]] paid for")
    # The code of a registered payment provider (payments.providers): "card", "cod", …
    method = models.CharField(max_length=16)
    language = models.CharField(max_length=8, default="vi")
    amount = models.PositiveBigIntegerField(help_text="Whole đồng (VND is zero-decimal)")
    currency = models.CharField(max_length=3, default="VND")
    order_number = models.CharField(max_length=128, db_index=True)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    order = models.OneToOneField(
        "order.Order",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pending_checkout",
    )
    message = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thanh toán đang xử lý")
        verbose_name_plural = _("thanh toán đang xử lý")

    def __str__(self):
        return f"{self.order_number} ({self.get_status_display()})"


class StripeEvent(models.Model):
    """A webhook event Stripe delivered, stored once: a replay finds it and does nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sự kiện Stripe")
        verbose_name_plural = _("sự kiện Stripe")

    def __str__(self):
        return f"{self.event_id} {self.type}"
