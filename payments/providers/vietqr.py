"""Bank transfer by VietQR, the way most Vietnamese pay online.

The shopper chooses it, the order is placed at once (its stock reserved) and waits
("Chờ chuyển khoản") while the shopper scans the code with any banking app: an EMVCo
payload naming the shop's bank (BIN), account, the amount in đồng and the order's
reference (``OCOP<number>``), which the bank copies into the transfer's description.
The money is seen by people, not by the shop: an officer marks the order received, or
imports the bank's statement (``statement.settle_statement``). An order still unpaid
after ``VIETQR_EXPIRY_HOURS`` is cancelled, its stock returned and the shopper told
(:func:`expire_unpaid`, a task for the scheduler).

The order's money is in its Oscar payment ``Source`` of type ``vietqr`` (the amount
expected allocated at placement; a debit records the money received, its reference
saying from where: an officer, or a line of a statement) and its state in
``payments.state`` (pending until paid or cancelled). As for cards, the shopper is told
at once and producers only once the money is in, so nobody packs an unpaid parcel.
"""

import logging
import re
from dataclasses import dataclass
from datetime import timedelta

import segno
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency
from vietnam_qr_pay import BanksObject, QRPay

from order.emails import shopper_language
from order.fulfilment import update_fulfilment
from order.placement import CannotPlace, place_order, whole_dong

from .. import state
from ..models import OrderPayment
from ..orders import announce
from .base import Outcome, PaymentError, Provider

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

CODE = "vietqr"
REFERENCE_PREFIX = "OCOP"
# The reference as banks pass it on: capitals kept or not, a space or dash sometimes added.
REFERENCE = re.compile(rf"{REFERENCE_PREFIX}[\s\-_.:]*(\d{{4,20}})", re.IGNORECASE)
OPEN_STATUSES = (FulfilmentGroup.Status.NEW, FulfilmentGroup.Status.PACKED)


@dataclass(frozen=True)
class Account:
    """The shop's bank account that transfers go to."""

    bin: str
    number: str
    name: str
    sample: bool

    @property
    def bank_name(self):
        for bank in BanksObject.values():
            if bank.bin == self.bin:
                return f"{bank.short_name} – {bank.name}"
        return self.bin


def account():
    """The configured account, or None: then VietQR is not offered."""
    bin_, number, name = (
        settings.VIETQR_BANK_BIN,
        settings.VIETQR_ACCOUNT_NUMBER,
        settings.VIETQR_ACCOUNT_NAME,
    )
    if not (bin_ and number and name):
        return None
    return Account(bin_, number, name, bool(getattr(settings, "VIETQR_SAMPLE", False)))


def reference_for(order_number):
    """What the shopper writes in the transfer: letters and digits only, which every bank
    keeps intact."""
    return f"{REFERENCE_PREFIX}{order_number}"


def order_number_in(text):
    """The order number a transfer's description refers to, or None."""
    found = REFERENCE.search(text or "")
    return found.group(1) if found else None


def payload(order, bank=None):
    """The EMVCo (VietQR) payload for paying ``order``."""
    bank = bank or account()
    qr = QRPay.init_viet_qr(
        bank_bin=bank.bin,
        bank_number=bank.number,
        amount=str(whole_dong(order.total_incl_tax)),
        purpose=reference_for(order.number),
    )
    return qr.build()


def qr_svg(text):
    """The code as inline SVG: no image request, no script (the page keeps a strict CSP)."""
    return segno.make(text, error="m").svg_inline(scale=5, border=2, omitsize=True)


def source_of(order):
    return (
        Source.objects.filter(order=order, source_type__code=CODE)
        .select_related("source_type")
        .first()
    )


def _status(order):
    payment = OrderPayment.objects.filter(order=order).only("status").first()
    return payment.status if payment else None


def is_paid(order):
    return _status(order) == OrderPayment.Status.PAID


def is_cancelled(order):
    return _status(order) == OrderPayment.Status.CANCELLED


def deadline(order):
    return order.date_placed + timedelta(hours=settings.VIETQR_EXPIRY_HOURS)


def awaiting():
    """Orders waiting for their transfer, oldest first."""
    return Order.objects.filter(
        payment__provider=CODE, payment__status=OrderPayment.Status.PENDING
    ).order_by("date_placed", "pk")


def payment_url(order):
    return reverse("vietqr:pay", kwargs={"number": order.number, "hash": order.verification_hash()})


class VietQRProvider(Provider):
    code = CODE
    label = gettext_lazy("Chuyển khoản ngân hàng (VietQR)")

    def is_available(self, total_vnd):
        return account() is not None

    def start(self, pending, request=None, data=None):
        if account() is None:
            return Outcome(error=_("Chuyển khoản ngân hàng hiện không dùng được."))
        try:
            order, _created = place_order(pending, request=request, notify=False)
        except CannotPlace as refusal:
            return Outcome(error=str(refusal))
        self.record(order)
        announce(order, request)  # the shopper now; producers once the money is in
        return Outcome(order=order, redirect_url=payment_url(order))

    def record(self, order):
        """The order's payment source: the whole total expected, nothing received yet."""
        source_type, _created = SourceType.objects.get_or_create(
            code=CODE, defaults={"name": "Chuyển khoản ngân hàng (VietQR)"}
        )
        Source.objects.get_or_create(
            order=order,
            source_type=source_type,
            defaults={
                "currency": order.currency,
                "amount_allocated": order.total_incl_tax,
                "reference": reference_for(order.number),
            },
        )
        state.opened(order, CODE, state.Status.PENDING)

    def capture(self, order):
        # Nothing to take: the shopper sends the money; True once it has arrived.
        return is_paid(order)

    def refund(self, order, amount, key, user=None):
        """Money sent back by hand from the shop's account, booked once per ``key``."""
        source = source_of(order)
        if source is None or not source.amount_debited:
            raise PaymentError(
                _("Chưa nhận được chuyển khoản của đơn này nên không có gì để hoàn.")
            )
        if amount <= 0 or source.amount_refunded + amount > source.amount_debited:
            raise PaymentError(_("Số tiền hoàn lớn hơn số tiền đã nhận."))
        note = _("Hoàn %(amount)s bằng chuyển khoản từ tài khoản cửa hàng.") % {
            "amount": currency(amount)
        }
        state.record_refund(order, amount, key, note, user=user)
        return key

    def cancel(self, order, user=None):
        # Nothing is held at a bank: the order simply stops waiting once cancelled.
        return None

    def shopper_summary(self, order):
        if is_paid(order):
            return _("Đã nhận chuyển khoản")
        if is_cancelled(order):
            return _("Đã hủy: không nhận được chuyển khoản")
        return _("Chờ chuyển khoản")

    def producer_summary(self, group):
        if is_paid(group.order):
            return _("Đã nhận chuyển khoản")
        return _("Chờ khách chuyển khoản – chưa giao hàng")


def received_reference(order):
    """What recorded the transfer of ``order`` (an officer, a statement line), or ""."""
    source = source_of(order)
    debit = source and source.transactions.filter(txn_type="Debit").order_by("pk").first()
    return debit.reference if debit else ""


def mark_received(order, user=None, reference="", amount=None):
    """Record the transfer for ``order`` as received; False when it already was.

    Raises :class:`PaymentError` (nothing changed) for an order that is not a VietQR
    order, was cancelled, or when ``amount`` is given and is not the order's total.
    """
    with transaction.atomic():
        # The payment's row lock orders this against the expiry and a second officer.
        payment = (
            OrderPayment.objects.select_for_update().filter(order=order, provider=CODE).first()
        )
        source = source_of(order)
        if payment is None or source is None:
            raise PaymentError(
                _("Đơn %(number)s không thanh toán bằng chuyển khoản.") % {"number": order.number}
            )
        expected = whole_dong(source.amount_allocated)
        if amount is not None and int(amount) != expected:
            raise PaymentError(
                _("Số tiền %(got)s khác tổng đơn %(want)s.")
                % {"got": currency(amount), "want": currency(expected)}
            )
        if payment.status == OrderPayment.Status.PAID:
            return False
        if payment.status == OrderPayment.Status.CANCELLED:
            raise PaymentError(
                _("Đơn %(number)s đã hủy; hãy liên hệ khách để hoàn lại tiền.")
                % {"number": order.number}
            )
        source.debit(source.amount_allocated, reference=reference[:255])
        state.mark_paid(payment)
        who = (user.get_full_name() or user.email) if user is not None else _("sao kê ngân hàng")
        OrderNote.objects.create(
            order=order,
            user=user if user is not None and user.is_authenticated else None,
            note_type="System",
            message=_("Đã nhận chuyển khoản %(amount)s (%(who)s).")
            % {"amount": currency(source.amount_allocated), "who": who},
        )
        transaction.on_commit(lambda: announce(order))
    return True


def expire_unpaid(now=None):
    """Cancel orders whose transfer has not come within ``VIETQR_EXPIRY_HOURS``: their
    stock goes back on sale and the shopper is emailed. Returns the order numbers.

    Scheduled as ``payments.providers.vietqr.expire_unpaid_transfers``. Running it
    again, or beside an officer marking a transfer received, cancels each order once.
    """
    cutoff = (now or timezone.now()) - timedelta(hours=settings.VIETQR_EXPIRY_HOURS)
    cancelled = []
    for order in awaiting().filter(date_placed__lt=cutoff):
        with transaction.atomic():
            payment = OrderPayment.objects.select_for_update().get(order=order)
            if payment.status != OrderPayment.Status.PENDING:
                continue  # paid or cancelled meanwhile
            reason = _("Hủy tự động: không nhận được chuyển khoản sau %(hours)s giờ.") % {
                "hours": settings.VIETQR_EXPIRY_HOURS
            }
            state.mark_cancelled(payment, reason)
            for group in order.fulfilment_groups.filter(status__in=OPEN_STATUSES):
                # The fulfilment's own path: the reserved stock goes back on sale.
                update_fulfilment(group, FulfilmentGroup.Status.CANCELLED)
            OrderNote.objects.create(order=order, note_type="System", message=reason)
            transaction.on_commit(lambda order=order: tell_shopper_expired(order))
        cancelled.append(order.number)
    return cancelled


@task()
def expire_unpaid_transfers():
    """The scheduled task (``settings.OCOP_SCHEDULE``) around :func:`expire_unpaid`."""
    return expire_unpaid()


def tell_shopper_expired(order):
    if not order.email:
        return
    with translation.override(shopper_language(order)):
        context = {"order": order, "hours": settings.VIETQR_EXPIRY_HOURS}
        subject = render_to_string("payments/vietqr/expired_subject.txt", context)
        body = render_to_string("payments/vietqr/expired_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [order.email])
    except Exception:  # the cancellation stands; the order page tells the same
        logger.exception("Expiry of %s not emailed", order.number)
