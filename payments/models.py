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


class OrderPayment(models.Model):
    """Where the money of one placed order stands, beside Oscar's payment Source.

    The Source holds the amounts (allocated = authorised, debited = captured, refunded);
    this row holds what the Source cannot say: that a placed order still waits for its
    money (a capture that failed, a transfer not yet seen), when to try again, whether
    the shopper and producers have been told, and whether the payment is disputed.
    ``payments.state`` reads and writes it; nothing else should.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ thanh toán")
        PAID = "paid", _("Đã thanh toán")
        ON_DELIVERY = "on_delivery", _("Thu tiền khi giao hàng")
        CANCELLED = "cancelled", _("Đã hủy, không thu tiền")

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="payment")
    provider = models.CharField(max_length=16)
    status = models.CharField(max_length=12, choices=Status.choices, db_index=True)
    # Card: when the bank authorised the amount; Stripe keeps it for 7 days.
    authorised_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.CharField(max_length=255, blank=True)
    shopper_notified_at = models.DateTimeField(null=True, blank=True)
    producers_notified_at = models.DateTimeField(null=True, blank=True)
    disputed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trạng thái thanh toán")
        verbose_name_plural = _("trạng thái thanh toán")

    def __str__(self):
        return f"{self.order_id} {self.get_status_display()}"
