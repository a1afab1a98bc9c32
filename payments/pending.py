"""Writing the shopper's checkout choices down on the server before any money moves."""

from django.utils import translation

from order.placement import basket_snapshot, whole_dong

from .models import PendingCheckout

SESSION_KEY = "pending_checkout_id"
ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "line1",
    "line2",
    "line3",
    "line4",
    "state",
    "postcode",
    "phone_number",
    "notes",
    "province_code",
    "ward_code",
)


def address_data(address):
    data = {name: str(getattr(address, name, "") or "") for name in ADDRESS_FIELDS}
    data["country_id"] = address.country_id or "VN"
    return data


def pending_for(request, submission, method, order_number):
    """The open pending checkout for this session's basket and choices, made if needed.

    The same choices give back the same row (and so the same idempotency key and
    PaymentIntent); changed choices start a new one.
    """
    basket = submission["basket"]
    user = submission["user"] if submission["user"].is_authenticated else None
    address = submission["shipping_address"]
    fields = {
        "basket": basket,
        "user": user,
        "email": user.email if user else submission["order_kwargs"].get("guest_email", ""),
        "phone": str(address.phone_number or "") if address else "",
        "address": address_data(address) if address else {},
        "shipping_method_code": submission["shipping_method"].code,
        "method": method,
        "language": translation.get_language() or "vi",
        "amount": whole_dong(submission["order_total"].incl_tax),
        "lines": basket_snapshot(basket),
        "order_number": str(order_number),
    }
    existing = PendingCheckout.objects.filter(
        pk=request.session.get(SESSION_KEY), status=PendingCheckout.Status.OPEN
    ).first()
    if existing and _same_choices(existing, fields):
        # The language is not a payment choice (the PaymentIntent stays), but the
        # shopper's emails follow the language they last used.
        if existing.language != fields["language"]:
            existing.language = fields["language"]
            existing.save(update_fields=["language"])
        return existing
    pending = PendingCheckout.objects.create(**fields)
    request.session[SESSION_KEY] = pending.pk
    return pending


def _same_choices(existing, fields):
    for name, value in fields.items():
        if name == "language":
            continue
        if name in ("basket", "user"):
            if getattr(existing, f"{name}_id") != (value.pk if value is not None else None):
                return False
        elif getattr(existing, name) != value:
            return False
    return True
