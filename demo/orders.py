"""Sample orders and a product awaiting approval, so the seller area is not empty.

Invented shoppers order the demo's goods by cash on delivery, through the pieces the
checkout places an order with: a pending checkout handed to ``order.placement.place_order``
(stock rows locked and checked, Oscar's ``OrderCreator`` allocating the stock, one
fulfilment group per producer with its delivery fee, the basket submitted) and the
cash-on-delivery provider's payment source. Sample orders are dated in the past and
announced to nobody (``notify=False``).

Each order is found again by its number ("MAU-1001" …) and the pending product by its
``code``, so a re-run creates nothing and allocates no more stock. Dates are relative to
the day the data is first loaded, like the certificates': orders spread over the last
four weeks, two of them placed that same day.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_class, get_model

import places
from checkout.forms import ShippingAddressForm
from order.fulfilment import move_stock
from order.placement import (
    CannotPlace,
    basket_snapshot,
    order_total,
    place_order,
    shipping_for,
    whole_dong,
)
from payments.models import PendingCheckout
from payments.pending import address_data
from payments.providers import get_provider
from seller.listings import create_product
from seller.models import Listing

from . import data

Basket = get_model("basket", "Basket")
FulfilmentGroup = get_model("order", "FulfilmentGroup")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
Selector = get_class("partner.strategy", "Selector")
PerProducerDelivery = get_class("shipping.methods", "PerProducerDelivery")

KEY_PREFIX = "demo-"
NEW, PACKED, SHIPPED, DELIVERED = "new", "packed", "shipped", "delivered"
# When each step happened, counted from the moment the order was placed.
STEP_DELAYS = {
    "packed_at": timedelta(hours=5),
    "shipped_at": timedelta(days=1, hours=2),
    "delivered_at": timedelta(days=3, hours=4),
}
STAMPS_BY_STATUS = {
    NEW: (),
    PACKED: ("packed_at",),
    SHIPPED: ("packed_at", "shipped_at"),
    DELIVERED: ("packed_at", "shipped_at", "delivered_at"),
}


@dataclass(frozen=True)
class Shopper:
    name: str
    phone: str
    email: str  # @example.com (RFC 2606): never a real inbox
    province: int
    ward: str  # name as in places.wards(province)
    street: str
    notes: str = ""


@dataclass(frozen=True)
class Shipment:
    """One producer's part of a sample order and how far it has gone."""

    producer: str
    status: str = NEW
    carrier: str = ""
    tracking: str = ""


@dataclass(frozen=True)
class SampleOrder:
    number: str
    shopper: Shopper
    days_ago: int
    at: time  # local time of day it was placed
    lines: tuple[tuple[str, int], ...]  # (product key, quantity)
    shipments: tuple[Shipment, ...]


HCM, HANOI, VINH_LONG = 79, 1, 86

SAMPLE_ORDERS = (
    SampleOrder(
        "MAU-1001",
        Shopper(
            "Nguyễn Thị Thu Trang",
            "0903 718 245",
            "thutrang.nguyen@example.com",
            places.CAN_THO,
            "Phường Ninh Kiều",
            "58 đường Hai Bà Trưng",
        ),
        26,
        time(9, 20),
        (("nhan-xuong-my-khanh", 2), ("banh-trang-dua-ut-huong", 3)),
        (
            Shipment("my-khanh-xanh", DELIVERED, "GHN", "GYK7PQ3M"),
            Shipment("ut-huong", DELIVERED, "GHN", "GYK7PR8T"),
        ),
    ),
    SampleOrder(
        "MAU-1002",
        Shopper(
            "Trần Minh Tuấn",
            "0912 406 831",
            "minhtuan.tran@example.com",
            HCM,
            "Phường Bến Thành",
            "112 đường Lê Thánh Tôn",
            "Giao giờ hành chính, gọi trước 15 phút.",
        ),
        21,
        time(20, 45),
        (
            ("banh-trang-cuon-ut-huong", 5),
            ("mat-ong-hoa-tram", 1),
            ("banh-pia-sau-rieng", 2),
        ),
        (
            Shipment("ut-huong", DELIVERED, "VNPost", "EB418203676VN"),
            Shipment("mat-vang", DELIVERED, "VNPost", "EB418203680VN"),
            Shipment("ngoc-phat", DELIVERED, "Viettel Post", "172503918264"),
        ),
    ),
    SampleOrder(
        "MAU-1003",
        Shopper(
            "Lê Hoàng Phúc",
            "0987 152 604",
            "hoangphuc.le@example.com",
            HANOI,
            "Phường Cầu Giấy",
            "Số 9 ngõ 68 đường Xuân Thủy",
        ),
        15,
        time(11, 5),
        (("nhan-xuong-my-khanh", 3), ("gao-st25-hat-ngoc", 1)),
        (
            Shipment("my-khanh-xanh", DELIVERED, "Viettel Post", "172504230157"),
            Shipment("hat-ngoc", DELIVERED, "Viettel Post", "172504230492"),
        ),
    ),
    SampleOrder(
        "MAU-1004",
        Shopper(
            "Phạm Ngọc Hân",
            "0369 284 517",
            "ngochan.pham@example.com",
            places.CAN_THO,
            "Phường Cái Răng",
            "24 đường Trần Văn Sắc, khu vực Yên Thượng",
        ),
        9,
        time(14, 30),
        (
            ("banh-trang-dua-ut-huong", 2),
            ("banh-trang-cuon-ut-huong", 2),
            ("cha-ca-thac-lac-tay-do", 1),
        ),
        (
            Shipment("ut-huong", SHIPPED, "Viettel Post", "172505116830"),
            Shipment("tay-do-que-nha", DELIVERED, "GHN", "GYL2W9KD"),
        ),
    ),
    SampleOrder(
        "MAU-1005",
        Shopper(
            "Võ Thanh Bình",
            "0708 365 192",
            "thanhbinh.vo@example.com",
            VINH_LONG,
            "Phường Phú Khương",
            "37 đường Nguyễn Đình Chiểu",
        ),
        4,
        time(8, 10),
        (
            ("nhan-xuong-my-khanh", 2),
            ("banh-trang-dua-ut-huong", 4),
            ("tra-mang-cau", 1),
        ),
        (
            Shipment("my-khanh-xanh", SHIPPED, "GHN", "GYM4TC6B"),
            Shipment("ut-huong", SHIPPED, "VNPost", "EB418277400VN"),
            Shipment("song-hau-viet", PACKED),
        ),
    ),
    SampleOrder(
        "MAU-1006",
        Shopper(
            "Huỳnh Thị Mỹ Duyên",
            "0939 520 478",
            "myduyen.huynh@example.com",
            places.CAN_THO,
            "Phường Tân An",
            "15 hẻm 91 đường Mậu Thân",
        ),
        2,
        time(16, 40),
        (("nhan-xuong-my-khanh", 1),),
        (Shipment("my-khanh-xanh", PACKED),),
    ),
    SampleOrder(
        "MAU-1007",
        Shopper(
            "Đặng Quốc Khánh",
            "0327 841 905",
            "quockhanh.dang@example.com",
            HCM,
            "Phường Sài Gòn",
            "45 đường Nguyễn Huệ, lầu 3",
            "Gửi lễ tân tòa nhà nếu không có người nhận.",
        ),
        0,
        time(7, 15),
        (("nhan-xuong-my-khanh", 2), ("banh-trang-cuon-ut-huong", 3)),
        (Shipment("my-khanh-xanh"), Shipment("ut-huong")),
    ),
    SampleOrder(
        "MAU-1008",
        Shopper(
            "Bùi Thị Kim Ngân",
            "0918 637 250",
            "kimngan.bui@example.com",
            places.CAN_THO,
            "Phường Bình Thủy",
            "102 đường Lê Hồng Phong",
        ),
        0,
        time(8, 50),
        (("banh-trang-dua-ut-huong", 2), ("nuoc-ep-khom", 6)),
        (Shipment("ut-huong"), Shipment("miet-vuon")),
    ),
)

# A new product producer1 submitted from the seller area, waiting for an officer.
AWAITING_APPROVAL = (
    data.Product(
        "mit-say-deo-my-khanh",
        "Mít sấy dẻo Mỹ Khánh Xanh hộp 250 g",
        "my-khanh-xanh",
        "1.3",
        65000,
        40,
        "Mít Thái chín cây từ vườn của hợp tác xã, sấy lạnh nên giữ màu vàng và vị ngọt tự "
        "nhiên, không thêm đường. Hộp giấy 250 g, dùng trong 6 tháng.",
    ),
)


def ward_code(province, name):
    # Package names carry stray double spaces: compare them collapsed.
    wanted = " ".join(name.split())
    for code, ward in places.wards(province):
        if " ".join(ward.split()) == wanted:
            return code
    raise ValueError(f"{name!r} is not a commune or ward of province {province}")


class DemoOrders:
    """Adds what is missing of ``SAMPLE_ORDERS`` and ``AWAITING_APPROVAL`` for a loader."""

    def __init__(self, loader):
        self.loader = loader
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)

    def run(self):
        for spec in SAMPLE_ORDERS:
            if not Order.objects.filter(number=spec.number).exists():
                self.order(spec)
        for spec in AWAITING_APPROVAL:
            self.awaiting_approval(spec)

    # Orders

    def placed_at(self, spec):
        day = self.today - timedelta(days=spec.days_ago)
        placed = timezone.make_aware(datetime.combine(day, spec.at))
        if spec.days_ago == 0:
            # Loaded early in the morning: still today, never in the future.
            start = timezone.make_aware(datetime.combine(day, time.min))
            placed = max(min(placed, self.now - timedelta(minutes=5)), start)
        return placed

    def order(self, spec):
        try:
            # A savepoint per order: one whose stock ran out leaves no basket behind.
            with transaction.atomic():
                order = self.place(spec)
        except CannotPlace:
            return None
        self.loader.created["sample orders"] += 1
        return order

    def place(self, spec):
        basket = Basket.objects.create()
        basket.strategy = Selector().strategy()
        for key, quantity in spec.lines:
            product = Product.objects.get(code=KEY_PREFIX + key)
            info = basket.strategy.fetch_for_product(product)
            allowed, _reason = info.availability.is_purchase_permitted(quantity)
            if not allowed:
                raise CannotPlace(key)
            basket.add_product(product, quantity)
        _charge, total = order_total(basket, shipping_for(basket, PerProducerDelivery.code))
        cash = get_provider("cod")
        pending = PendingCheckout.objects.create(
            basket=basket,
            email=spec.shopper.email,
            phone=spec.shopper.phone,
            address=address_data(self.address(spec.shopper)),
            shipping_method_code=PerProducerDelivery.code,
            lines=basket_snapshot(basket),
            method=cash.code,
            amount=whole_dong(total.incl_tax),
            order_number=spec.number,
        )
        placed = self.placed_at(spec)
        order, _created = place_order(pending, notify=False, date_placed=placed)
        cash.record(order)
        self.progress(order, spec, placed)
        return order

    def address(self, shopper):
        form = ShippingAddressForm(
            data={
                "first_name": shopper.name,
                "phone_number": shopper.phone,
                "province_code": str(shopper.province),
                "ward_code": ward_code(shopper.province, shopper.ward),
                "line1": shopper.street,
                "notes": shopper.notes,
            }
        )
        if not form.is_valid():
            raise ValueError(f"Sample address of {shopper.name}: {form.errors.as_json()}")
        # Unsaved: place_order makes the order's own address from these values.
        return form.save(commit=False)

    def progress(self, order, spec, placed):
        """Move each producer's group to where the sample says, dated after the order."""
        shipments = {KEY_PREFIX + s.producer: s for s in spec.shipments}
        for group in order.fulfilment_groups.select_related("partner"):
            shipment = shipments[group.partner.code]
            stamps = {
                name: min(placed + STEP_DELAYS[name], self.now)
                for name in STAMPS_BY_STATUS[shipment.status]
            }
            # The stock follows the sample's step as it would have in the seller area.
            move_stock(group, group.status, shipment.status)
            FulfilmentGroup.objects.filter(pk=group.pk).update(
                status=shipment.status,
                carrier=shipment.carrier,
                tracking_number=shipment.tracking,
                created_at=placed,
                updated_at=max(stamps.values(), default=placed),
                **stamps,
            )

    # A product awaiting approval

    def awaiting_approval(self, spec):
        code = KEY_PREFIX + spec.key
        if Product.objects.filter(code=code).exists():
            return
        email = next(a.email for a in data.ACCOUNTS if a.producer == spec.producer)
        user = get_user_model().objects.get(email__iexact=email)
        # The seller area's own path: hidden, with a pending listing and an audit entry.
        product = create_product(
            user,
            self.loader.partners[spec.producer],
            {
                "title": spec.title,
                "description": spec.description,
                "category": self.loader.categories[spec.category],
                "price": spec.price,
                "num_in_stock": spec.stock,
            },
        )
        product.code = code
        product.save(update_fields=["code"])
        Listing.objects.filter(product=product).update(
            submitted_at=self.now - timedelta(days=1, hours=3)
        )
        self.loader.product_image(product, spec)
        self.loader.created["products awaiting approval"] += 1
