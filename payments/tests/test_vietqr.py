"""VietQR bank transfer: the code, placing and waiting, officers settling by hand or by
the bank's statement, and the expiry of unpaid transfers."""

from datetime import timedelta
from decimal import Decimal as D
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from vietnam_qr_pay import QRPay

from catalogue.roles import OFFICERS, ensure_groups
from checkout.tests.factories import checkout_until_review, two_producer_shop
from payments.models import OrderPayment
from payments.providers import available_providers, provider_for, vietqr
from payments.providers.vietqr_statement import parse_amount, settle_statement
from seller.tests.factories import make_user

Order = get_model("order", "Order")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Source = get_model("payment", "Source")

BIN, NUMBER, NAME = "970436", "0071000123456", "HTX OCOP CAN THO"
TRANSFERS = "seller:officer-transfers"


@pytest.fixture
def bank(settings):
    settings.VIETQR_BANK_BIN = BIN
    settings.VIETQR_ACCOUNT_NUMBER = NUMBER
    settings.VIETQR_ACCOUNT_NAME = NAME
    settings.VIETQR_EXPIRY_HOURS = 48
    return settings


@pytest.fixture
def placed(db, bank, django_capture_on_commit_callbacks):
    """A guest's order of 1 × Bánh tráng (150.000 ₫ + 30.000 ₫ delivery) paid by VietQR."""

    def place(client=None):
        rice, _honey = two_producer_shop()
        client = client or Client()
        checkout_until_review(client, [(rice, 1)], method="vietqr")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("checkout:preview"), {"action": "place_order"})
        return Order.objects.get(), response

    return place


@pytest.fixture
def officer(db):
    ensure_groups()
    user = make_user("canbo@example.vn", first_name="Lan")
    user.groups.add(Group.objects.get(name=OFFICERS))
    return user


def rice_stock():
    record = StockRecord.objects.get(partner__name="HTX Thuận Hưng")
    return record.num_in_stock, record.num_allocated


def payment_status(order):
    return OrderPayment.objects.get(order=order).status


def test_the_code_decodes_to_the_bank_account_amount_and_reference(bank):
    order = SimpleNamespace(number="100042", total_incl_tax=D("180000.00"))

    content = vietqr.payload(order)

    decoded = QRPay(content)
    assert decoded.is_valid  # includes the CRC check
    assert (decoded.consumer.bank_bin, decoded.consumer.bank_number) == (BIN, NUMBER)
    assert decoded.amount == "180000"
    assert decoded.currency == "704"  # đồng
    assert decoded.additional_data.purpose == "OCOP100042"
    # One changed digit breaks the checksum.
    tampered = content.replace("180000", "190000")
    assert not QRPay(tampered).is_valid


def test_offered_only_when_the_shops_account_is_configured(settings, bank):
    assert "vietqr" in [p.code for p in available_providers(180_000)]
    settings.VIETQR_ACCOUNT_NUMBER = ""
    assert "vietqr" not in [p.code for p in available_providers(180_000)]


def test_choosing_vietqr_places_the_order_reserves_stock_and_shows_the_code(placed):
    client = Client()
    order, response = placed(client)

    # The order is placed at once, its stock reserved, and it waits for the transfer.
    assert response.status_code == 302
    assert response["Location"] == vietqr.payment_url(order)
    assert rice_stock() == (10, 1)
    assert payment_status(order) == OrderPayment.Status.PENDING
    assert provider_for(order).shopper_summary(order) == "Chờ chuyển khoản"
    source = Source.objects.get(order=order)
    assert (source.amount_allocated, source.amount_debited) == (D("180000"), D("0"))
    # The shopper is told; the producer only once the money is in.
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    code = html.split('<figure class="vietqr__code"', 1)[1].split("</figure>", 1)[0]
    assert code.count('class="segno"') == 1 and "<script" not in code
    for shown in ("Chờ chuyển khoản", NUMBER, NAME, "Vietcombank", "180000", f"OCOP{order.number}"):
        assert shown in html


def test_the_payment_page_needs_the_orders_signed_link(placed):
    order, _response = placed()
    bad = reverse("vietqr:pay", kwargs={"number": order.number, "hash": "x:forged"})
    assert Client().get(bad).status_code == 404


def test_an_officer_marks_the_transfer_received(
    placed, officer, django_capture_on_commit_callbacks
):
    order, _response = placed()
    mail.outbox.clear()
    Partner.objects.get(name="HTX Thuận Hưng").users.add(make_user("rice@example.vn"))
    client = Client()
    client.force_login(officer)

    listing = client.get(reverse(TRANSFERS))
    assert f"OCOP{order.number}" in listing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(TRANSFERS), {"order": order.number}, follow=True)

    assert response.status_code == 200
    assert payment_status(order) == OrderPayment.Status.PAID
    assert Source.objects.get(order=order).amount_debited == D("180000")
    assert provider_for(order).shopper_summary(order) == "Đã nhận chuyển khoản"
    assert order.notes.filter(message__contains="Đã nhận chuyển khoản").count() == 1
    # Now the producer hears of the order.
    assert ["rice@example.vn"] in [m.to for m in mail.outbox]
    # A second press changes nothing.
    client.post(reverse(TRANSFERS), {"order": order.number})
    assert Source.objects.get(order=order).transactions.filter(txn_type="Debit").count() == 1


@pytest.mark.parametrize("who", ["producer", "shopper", "anonymous"])
def test_only_officers_mark_transfers_received(placed, who):
    order, _response = placed()
    client = Client()
    if who == "producer":
        producer = make_user("rice@example.vn")
        Partner.objects.get(name="HTX Thuận Hưng").users.add(producer)
        client.force_login(producer)
    elif who == "shopper":
        client.force_login(make_user("lan2@example.vn"))

    response = client.post(reverse(TRANSFERS), {"order": order.number})

    assert response.status_code in (302, 403)
    assert payment_status(order) == OrderPayment.Status.PENDING
    assert Source.objects.get(order=order).amount_debited == D("0")
    assert not order.notes.exists()


def statement(rows, delimiter=","):
    header = delimiter.join(["Ngày giao dịch", "Số tiền ghi có", "Nội dung"])
    body = "\n".join(delimiter.join(row) for row in rows)
    return f"Sao kê tài khoản {NUMBER}\n{header}\n{body}\n".encode()


@pytest.mark.parametrize(
    ("delimiter", "amount"), [(",", '"180,000"'), (";", "180.000"), (";", "180.000,00")]
)
def test_a_statement_line_with_the_reference_and_exact_amount_settles_the_order(
    placed, officer, delimiter, amount
):
    order, _response = placed()
    data = statement(
        [["30/11/2026", amount, f"NGUYEN THI LAN CHUYEN TIEN OCOP {order.number} FT2633"]],
        delimiter,
    )

    result = settle_statement(data, user=officer)

    assert [o.number for _line, o in result.settled] == [order.number]
    assert payment_status(order) == OrderPayment.Status.PAID


def test_a_statement_is_sorted_into_settled_to_check_and_unknown(placed, officer, bank):
    # Given two waiting orders
    first, _ = placed()
    second_client = Client()
    rice = StockRecord.objects.get(partner__name="HTX Thuận Hưng").product
    checkout_until_review(second_client, [(rice, 1)], method="vietqr", email="an@example.vn")
    second_client.post(reverse("checkout:preview"), {"action": "place_order"})
    second = Order.objects.exclude(pk=first.pk).get()
    data = statement(
        [
            ["30/11/2026", "180.000", f"ocop{first.number} thanh toan"],
            ["30/11/2026", "18.000", f"OCOP{second.number}"],  # a zero missing
            ["30/11/2026", "250.000", "CHUYEN TIEN MUA HANG"],
            ["30/11/2026", "-50.000", "PHI DICH VU"],
        ],
        ";",
    )

    # When the officer imports it twice through the page
    client = Client()
    client.force_login(officer)
    upload = SimpleUploadedFile("saoke.csv", data, content_type="text/csv")
    page = client.post(reverse(TRANSFERS), {"statement": upload})
    again = settle_statement(data, user=officer)

    result = page.context["result"]
    assert [o.number for _l, o in result.settled] == [first.number]
    assert [(o.number, reason) for _l, o, reason in result.to_check] == [
        (second.number, "Số tiền 18.000\xa0₫ khác tổng đơn 180.000\xa0₫.")
    ]
    assert [line.amount for line in result.unmatched] == [250_000]
    assert result.skipped == 1
    # The wrong amount is never settled; the second import settles nothing again.
    assert payment_status(second) == OrderPayment.Status.PENDING
    assert (again.settled, [o.number for _l, o in again.already]) == ([], [first.number])
    source = Source.objects.get(order=first)
    assert source.transactions.filter(txn_type="Debit").count() == 1
    assert source.amount_debited == D("180000")


def test_a_file_that_is_not_a_statement_is_refused_on_the_page(officer, db):
    client = Client()
    client.force_login(officer)
    upload = SimpleUploadedFile("anh.csv", b"", content_type="text/csv")
    response = client.post(reverse(TRANSFERS), {"statement": upload})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150.000", 150_000),
        ("150,000", 150_000),
        ("1.500.000", 1_500_000),
        ("150.000,00", 150_000),
        ("150,000.00", 150_000),
        ("150000.00", 150_000),
        ("+150.000 VND", 150_000),
        ("150.000đ", 150_000),
        ("-50.000", -50_000),
        ("", None),
        ("abc", None),
        ("150.5", None),
    ],
)
def test_amounts_as_vietnamese_banks_write_them(text, expected):
    assert parse_amount(text) == expected


def test_unpaid_transfers_are_cancelled_after_the_set_time_with_stock_returned(
    placed, django_capture_on_commit_callbacks
):
    order, _response = placed()
    mail.outbox.clear()
    now = timezone.now()

    # Not yet: 47 hours after placing.
    assert vietqr.expire_unpaid(now=order.date_placed + timedelta(hours=47)) == []
    assert rice_stock() == (10, 1)

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = vietqr.expire_unpaid(now=now + timedelta(hours=49))

    assert cancelled == [order.number]
    assert rice_stock() == (10, 0)
    assert payment_status(order) == OrderPayment.Status.CANCELLED
    assert set(order.fulfilment_groups.values_list("status", flat=True)) == {"cancelled"}
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["lan@example.vn"], f"Đơn hàng {order.number} đã hủy: chưa nhận được chuyển khoản")
    ]
    # Once only; and a transfer arriving later is not settled silently.
    assert vietqr.expire_unpaid(now=now + timedelta(hours=50)) == []
    with pytest.raises(vietqr.PaymentError):
        vietqr.mark_received(order)
    assert rice_stock() == (10, 0)


def test_a_paid_transfer_never_expires(placed, officer):
    order, _response = placed()
    vietqr.mark_received(order, user=officer)

    assert vietqr.expire_unpaid(now=timezone.now() + timedelta(days=5)) == []
    assert rice_stock() == (10, 1)
    assert payment_status(order) == OrderPayment.Status.PAID


def test_the_scheduler_runs_the_expiry_as_a_task(placed, settings):
    from django.utils.module_loading import import_string

    order, _response = placed()
    Order.objects.filter(pk=order.pk).update(date_placed=timezone.now() - timedelta(hours=49))
    path = "payments.providers.vietqr.expire_unpaid_transfers"
    assert path in settings.OCOP_SCHEDULE

    result = import_string(path).enqueue()  # run at once by the test settings' backend

    assert result.return_value == [order.number]
    assert rice_stock() == (10, 0)


def test_money_sent_back_by_hand_is_booked_once_per_key(placed, officer):
    order, _response = placed()
    provider = provider_for(order)
    with pytest.raises(vietqr.PaymentError):
        provider.refund(order, 30_000, "hoan-1")  # nothing received yet
    vietqr.mark_received(order, user=officer)

    assert provider.refund(order, 30_000, "hoan-1", user=officer) == "hoan-1"
    assert provider.refund(order, 30_000, "hoan-1", user=officer) == "hoan-1"
    with pytest.raises(vietqr.PaymentError):
        provider.refund(order, 200_000, "hoan-2", user=officer)

    assert Source.objects.get(order=order).amount_refunded == D("30000")
