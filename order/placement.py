"""Turning a pending checkout into exactly one order, whoever gets there first.

The browser (after payment), the webhook (when the browser never came back), every
payment provider, the demo data and the tests all call :func:`place_order`. It locks the
pending checkout and the stock records of its lines, checks that the basket still holds
what was paid for and that the stock covers it, and creates the order, its producer
groups and the stock allocations in one transaction. Raising :class:`CannotPlace` leaves
nothing behind.

``pending`` is a ``payments.PendingCheckout``, read by its fields only: the order app does
not import the payments app (payments depend on orders, never the other way round).
"""

from decimal import Decimal as D

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from catalogue.availability import ensure_for_sale
from experiences.booking import confirm_for_order, ensure_places

from .emails import order_placed

Basket = get_model("basket", "Basket")
StockRecord = get_model("partner", "StockRecord")
ShippingAddress = get_model("order", "ShippingAddress")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Order = get_model("order", "Order")
Country = get_model("address", "Country")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Selector = get_class("partner.strategy", "Selector")
Repository = get_class("shipping.repository", "Repository")


class CannotPlace(Exception):
    """The order cannot be placed; ``str()`` is the message for the shopper."""


def basket_snapshot(basket):
    return sorted([line.stockrecord_id, line.quantity] for line in basket.all_lines())


def load_basket(basket_id, user=None):
    basket = Basket._default_manager.get(pk=basket_id)
    basket.strategy = Selector().strategy(user=user)
    return basket


def shipping_for(basket, code):
    for method in Repository().get_shipping_methods(basket):
        if method.code == code:
            return method
    raise CannotPlace(_("Cách giao hàng đã chọn không còn dùng được. Vui lòng chọn lại."))


def order_total(basket, method):
    charge = method.calculate(basket)
    return charge, OrderTotalCalculator().calculate(basket, charge)


def whole_dong(money):
    """VND is zero-decimal at Stripe: 150.000 ₫ is the integer 150000."""
    return int(D(money).quantize(D("1")))


def lock_stock(basket):
    lines = list(basket.all_lines())
    ids = sorted({line.stockrecord_id for line in lines})
    # Rows are locked in id order, so two checkouts never wait on each other in a cycle.
    records = {
        sr.pk: sr
        for sr in StockRecord._default_manager.select_for_update().filter(pk__in=ids).order_by("pk")
    }
    for line in lines:
        record = records.get(line.stockrecord_id)
        tracked = line.product.get_product_class().track_stock
        if record is None or (tracked and (record.net_stock_level or 0) < line.quantity):
            raise CannotPlace(
                _("Rất tiếc, “%(title)s” vừa hết hàng (còn %(left)s).")
                % {
                    "title": line.product.get_title(),
                    "left": max(record.net_stock_level or 0, 0) if record else 0,
                }
            )
        line.stockrecord = record


def _shipping_address(pending):
    if not pending.address:
        return None  # nothing ships (a basket of experiences only)
    fields = dict(pending.address)
    fields.pop("id", None)
    country_id = fields.pop("country_id", "VN")
    address = ShippingAddress(**fields)
    address.country = Country._default_manager.get(pk=country_id)
    address.save()
    return address


def place_order(pending, request=None, *, notify=True, date_placed=None):
    """Create the order for ``pending`` once; ``(order, created)``, later calls return the
    same order. ``notify=False`` and ``date_placed`` are for sample orders (demo data),
    which must not email anyone and are dated in the past."""
    PendingCheckout = type(pending)
    with transaction.atomic():
        pending = PendingCheckout.objects.select_for_update().get(pk=pending.pk)
        if pending.order_id:
            return pending.order, False
        if pending.status != PendingCheckout.Status.OPEN:
            raise CannotPlace(pending.message or _("Đơn hàng này không thể tạo được nữa."))
        basket = load_basket(pending.basket_id, pending.user)
        if basket.is_empty or basket_snapshot(basket) != pending.lines:
            raise CannotPlace(_("Giỏ hàng đã thay đổi trong lúc đặt hàng."))
        lock_stock(basket)
        ensure_for_sale(basket.all_lines(), CannotPlace)
        # Experiences: every booking's places held under the slot lock, or no order.
        ensure_places(basket.all_lines(), CannotPlace)
        method = shipping_for(basket, pending.shipping_method_code)
        charge, total = order_total(basket, method)
        if whole_dong(total.incl_tax) != pending.amount:
            raise CannotPlace(_("Giá đã thay đổi trong lúc đặt hàng."))
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=method,
            shipping_charge=charge,
            user=pending.user,
            shipping_address=_shipping_address(pending),
            order_number=pending.order_number,
            guest_email=pending.email if pending.user is None else "",
            language=pending.language,
            **({"date_placed": date_placed} if date_placed else {}),
        )
        create_groups(order, basket, method)
        confirm_for_order(order, email=pending.email, language=pending.language)
        basket.submit()
        pending.order = order
        pending.status = PendingCheckout.Status.PLACED
        pending.save(update_fields=["order", "status", "updated_at"])
        if notify:
            transaction.on_commit(lambda: order_placed(order, pending.language, request))
    return order, True


def create_groups(order, basket, method):
    charges = method.charges_by_producer(basket) if hasattr(method, "charges_by_producer") else {}
    partners = {line.partner for line in order.lines.select_related("partner") if line.partner}
    FulfilmentGroup.objects.bulk_create(
        FulfilmentGroup(order=order, partner=partner, shipping_charge=charges.get(partner, 0))
        for partner in sorted(partners, key=lambda p: p.pk)
    )
