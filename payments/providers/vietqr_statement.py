"""Reading a bank statement (CSV) and settling the VietQR orders it pays.

Vietnamese banks export statements differently: semicolons or commas, a title block
above the header, amounts written ``150.000`` or ``150,000`` or ``150.000,00``, headers
with or without diacritics. A statement is read as rows of (date, amount, description):
columns are found by their header when there is one, else taken in that order. Only
money coming in counts (a debit column or a negative amount is skipped).

A line settles an order when its description holds the order's reference and its amount
is exactly the order's total. A reference with another amount, or for a cancelled
order, is listed for a person to look at and never settled; a line without a known
reference is listed too. Importing the same statement again settles nothing twice: an
order already paid is reported as such.
"""

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.search import fold

from . import vietqr
from .base import PaymentError

Order = get_model("order", "Order")

LINE_PREFIX = "sao-ke:"
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000

HEADERS = {
    "date": ("ngay giao dich", "ngay gd", "ngay hieu luc", "ngay", "date", "transaction date"),
    "amount": ("so tien ghi co", "ghi co", "so tien", "credit", "amount", "so tien (vnd)"),
    "description": (
        "noi dung",
        "mo ta",
        "dien giai",
        "chi tiet",
        "description",
        "reference",
        "details",
        "remark",
    ),
}
DEBIT_HEADERS = ("ghi no", "so tien ghi no", "debit")


class StatementError(ValueError):
    """The file cannot be read as a statement; ``str()`` tells the officer why."""


@dataclass
class Line:
    number: int  # row in the file, for the officer to find it
    date: str
    amount: int
    description: str
    order_number: str | None = None

    @property
    def key(self):
        """The line's identity, kept on the payment it settles."""
        raw = f"{self.date}|{self.amount}|{self.description}"
        return LINE_PREFIX + hashlib.sha1(raw.encode()).hexdigest()[:20]


@dataclass
class Result:
    settled: list = field(default_factory=list)  # (line, order)
    already: list = field(default_factory=list)  # (line, order)
    to_check: list = field(default_factory=list)  # (line, order or None, reason)
    unmatched: list = field(default_factory=list)  # line
    skipped: int = 0  # rows that are not incoming money


def parse_amount(text):
    """Whole đồng from ``150.000``, ``150,000``, ``150.000,00``, ``+150000 VND``; None."""
    cleaned = re.sub(r"[^\d.,\-]", "", text or "")
    if not cleaned or not re.search(r"\d", cleaned):
        return None
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("-")
    if "." in cleaned and "," in cleaned:
        # The last separator is the decimal one.
        decimal_sep = "." if cleaned.rfind(".") > cleaned.rfind(",") else ","
        thousands = "," if decimal_sep == "." else "."
        cleaned = cleaned.replace(thousands, "").replace(decimal_sep, ".")
    else:
        sep = "." if "." in cleaned else ("," if "," in cleaned else "")
        if sep:
            parts = cleaned.split(sep)
            if all(len(p) == 3 for p in parts[1:]) and parts[0]:
                cleaned = "".join(parts)  # thousands: 150.000 or 1,500,000
            elif len(parts) == 2:
                cleaned = f"{parts[0]}.{parts[1]}"  # decimals: 150000.00
            else:
                return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    value = -value if negative else value
    return int(value) if value == value.to_integral_value() else None


def _decode(data):
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _delimiter(text):
    sample = "\n".join(text.splitlines()[:20])
    counts = {d: sample.count(d) for d in (";", "\t", ",")}
    # Commas also sit inside amounts ("150,000"), so a semicolon or tab file wins.
    for delimiter in (";", "\t"):
        if counts[delimiter]:
            return delimiter
    return ","


def _header_columns(row):
    folded = [" ".join(fold(cell).split()) for cell in row]
    columns = {}
    for name, words in HEADERS.items():
        for word in words:
            if word in folded and name not in columns:
                columns[name] = folded.index(word)
        if name not in columns:
            for index, cell in enumerate(folded):
                if cell and any(cell.startswith(w) for w in words):
                    columns[name] = index
                    break
    debit = next((i for i, cell in enumerate(folded) if cell in DEBIT_HEADERS), None)
    if len(columns) == 3 and len(set(columns.values())) == 3:
        return columns, debit
    return None, None


def read_statement(data):
    """The incoming lines of a statement file (bytes), and how many rows were skipped."""
    if len(data) > MAX_BYTES:
        raise StatementError(_("Tệp sao kê quá lớn (tối đa 2 MB)."))
    text = _decode(data)
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))[:MAX_ROWS]
    columns, debit, start = None, None, 0
    for index, row in enumerate(rows[:30]):
        columns, debit = _header_columns(row)
        if columns:
            start = index + 1
            break
    if columns is None:
        columns = {"date": 0, "amount": 1, "description": 2}
    lines, skipped = [], 0
    for number, row in enumerate(rows[start:], start=start + 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(columns.values()):
            skipped += 1
            continue
        amount = parse_amount(row[columns["amount"]])
        if debit is not None and debit < len(row) and (parse_amount(row[debit]) or 0) > 0:
            amount = None  # money going out
        if amount is None or amount <= 0:
            skipped += 1
            continue
        description = " ".join(row[columns["description"]].split())
        lines.append(
            Line(
                number=number,
                date=row[columns["date"]].strip(),
                amount=amount,
                description=description,
                order_number=vietqr.order_number_in(fold(description)),
            )
        )
    if not lines and not skipped:
        raise StatementError(_("Không đọc được dòng nào trong tệp sao kê."))
    return lines, skipped


def settle_statement(data, user=None):
    """Settle the orders a statement pays; a :class:`Result` for the officer."""
    lines, skipped = read_statement(data)
    result = Result(skipped=skipped)
    numbers = {line.order_number for line in lines if line.order_number}
    orders = {o.number: o for o in Order.objects.filter(number__in=numbers)}
    for line in lines:
        order = orders.get(line.order_number) if line.order_number else None
        if order is None or vietqr.source_of(order) is None:
            result.unmatched.append(line)
            continue
        try:
            settled = vietqr.mark_received(order, user=user, reference=line.key, amount=line.amount)
        except PaymentError as reason:
            result.to_check.append((line, order, str(reason)))
            continue
        if settled:
            result.settled.append((line, order))
            continue
        earlier = vietqr.received_reference(order)
        if earlier.startswith(LINE_PREFIX) and earlier != line.key:
            # Another line of a statement paid it already: the shopper may have paid twice.
            result.to_check.append(
                (line, order, _("Đơn đã được thanh toán bởi một dòng sao kê khác."))
            )
        else:
            result.already.append((line, order))
    return result
