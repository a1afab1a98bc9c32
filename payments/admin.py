from django.contrib import admin

from .models import OrderPayment, PendingCheckout, StripeEvent


@admin.register(OrderPayment)
class OrderPaymentAdmin(admin.ModelAdmin):
    """Officers find orders waiting for payment and disputed payments here."""

    list_display = ("order", "provider", "status", "attempts", "next_attempt_at", "disputed_at")
    list_filter = ("status", "provider", ("disputed_at", admin.EmptyFieldListFilter))
    search_fields = ("order__number",)
    readonly_fields = [f.name for f in OrderPayment._meta.fields]


@admin.register(PendingCheckout)
class PendingCheckoutAdmin(admin.ModelAdmin):
    list_display = ("order_number", "method", "status", "amount", "created_at")
    list_filter = ("status", "method")
    search_fields = ("order_number", "email", "payment_intent_id")
    readonly_fields = [f.name for f in PendingCheckout._meta.fields]


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ("event_id", "type", "payment_intent_id", "received_at")
    search_fields = ("event_id", "payment_intent_id")
