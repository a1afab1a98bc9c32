"""What the demo's experiences need to be booked: details, schedules, slots, bookings.

Each experience product of ``demo.data`` gets its ``experiences.Experience`` (duration,
meeting point in both languages, guide languages, what is included and what to bring,
child and private-group prices, group limits), one or two schedules, the first day of
Tết closed, the slots of the coming ``OCOP_SLOT_DAYS`` and a few sample bookings (by
phone, references "MAU…"). Everything is found again by its product and reference, so
a re-run adds only the slots of new days.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from experiences.choices import ActivityKind, BookingStatus
from experiences.models import Booking, ClosedDay, Experience, Schedule, Slot
from experiences.schedules import generate_slots

from . import data

# First days of Tết (lunar new year) in the coming years: the villages close.
TET = (dt.date(2027, 2, 6), dt.date(2028, 1, 26), dt.date(2029, 2, 13))


@dataclass(frozen=True)
class Details:
    kind: str
    minutes: int
    meeting: str
    meeting_en: str
    included: str
    included_en: str
    bring: str
    bring_en: str
    times: tuple  # ((hour, minute, capacity, weekdays), …)
    languages: str = ",vi,en,"
    child_price: int | None = None
    private_price: int | None = None
    min_group: int = 1
    max_group: int = 10
    pay_at_village: bool = False
    offset: tuple = field(default=(0.001, 0.001))  # meeting point from the village centre


DETAILS = {
    "ve-lang-my-khanh": Details(
        ActivityKind.GARDEN,
        480,
        "Cổng chính Làng du lịch Mỹ Khánh, đường Lộ Vòng Cung",
        "Main gate of My Khanh tourist village, Vong Cung road",
        "Vé vào cổng, xem đua heo và đờn ca tài tử, trái cây theo mùa tại vườn.",
        "Entrance, the pig race and a traditional music show, seasonal fruit in the garden.",
        "Mũ, kem chống nắng, giày đi bộ.",
        "A hat, sunscreen and walking shoes.",
        ((7, 30, 60, "0123456"),),
        child_price=50000,
        pay_at_village=True,
        max_group=20,
    ),
    "tat-muong-bat-ca": Details(
        ActivityKind.GARDEN,
        180,
        "Nhà sàn khu ao cá, Làng du lịch Mỹ Khánh",
        "Stilt house by the fish ponds, My Khanh village",
        "Quần áo bà ba thay, dụng cụ bắt cá, cá nướng trui và rau vườn, nước uống.",
        "Farmer's clothes to change into, fishing gear, grilled fish with garden herbs, drinks.",
        "Quần áo để thay sau khi tắm, dép.",
        "Clothes to change into afterwards and sandals.",
        ((8, 0, 12, "0123456"), (14, 0, 12, "56")),
        child_price=150000,
        private_price=1500000,
        min_group=2,
        max_group=8,
    ),
    "ca-loc-bay-con-son": Details(
        ActivityKind.BOAT,
        120,
        "Bến đò Cồn Sơn, cuối đường Lê Hồng Phong",
        "Con Son ferry landing, end of Le Hong Phong road",
        "Đò qua cồn, xem cá lóc bay, trái cây theo mùa, người dẫn đường.",
        "The ferry to the islet, the 'flying' snakehead fish show, seasonal fruit, a local guide.",
        "Mũ, áo mưa vào mùa mưa.",
        "A hat, and a raincoat in the rainy season.",
        ((8, 30, 20, "0123456"), (15, 0, 20, "0123456")),
        child_price=80000,
    ),
    "com-nha-vuon-con-son": Details(
        ActivityKind.COOKING,
        150,
        "Nhà vườn cô Út, giữa Cồn Sơn",
        "Miss Ut's garden house, in the middle of Con Son islet",
        "Đò qua cồn, đi chợ vườn, cùng nấu và ăn bữa trưa gia đình.",
        "The ferry, picking vegetables in the garden, cooking and eating a family lunch.",
        "Không cần mang gì; báo trước nếu ăn chay.",
        "Nothing to bring; tell us if you are vegetarian.",
        ((10, 30, 10, "0123456"),),
        child_price=100000,
        private_price=1000000,
        max_group=8,
    ),
    "tu-tay-lam-banh-trang": Details(
        ActivityKind.CRAFT,
        120,
        "Lò bánh tráng Thuận Hưng, đường Thới Thạnh",
        "Thuan Hung rice-paper workshop, Thoi Thanh road",
        "Bột gạo, lò tráng bánh, người hướng dẫn, một xấp bánh tự làm mang về.",
        "Rice batter, the steaming stove, a guide, and a stack of the rice paper you made.",
        "Áo thoáng mát (bên lò khá nóng).",
        "Light clothes: it is warm by the stoves.",
        ((8, 0, 12, "0123456"), (14, 0, 12, "0123456")),
        child_price=80000,
    ),
    "dao-lang-banh-trang": Details(
        ActivityKind.CRAFT,
        90,
        "Đình Thuận Hưng, đầu đường vào làng nghề",
        "Thuan Hung communal house, at the entrance to the craft village",
        "Người dẫn trong làng, bữa sáng bánh tráng nướng và bánh hỏi, trà đá.",
        "A village guide, a breakfast of grilled rice paper and rice vermicelli, iced tea.",
        "Giày đi bộ, máy ảnh.",
        "Walking shoes and a camera.",
        ((6, 0, 12, "0123456"),),
        child_price=50000,
        offset=(0.002, -0.001),
    ),
    "cho-noi-binh-minh": Details(
        ActivityKind.FLOATING_MARKET,
        180,
        "Bến Ninh Kiều, cầu tàu số 2",
        "Ninh Kieu wharf, pier no. 2",
        "Ghe máy có mái che, áo phao, hủ tiếu sáng trên ghe, cà phê, người hướng dẫn.",
        "A covered motor boat, life jackets, a noodle breakfast on the water, coffee, a guide.",
        "Áo khoác mỏng cho sáng sớm, tiền lẻ để mua trái cây.",
        "A light jacket for the early morning, small notes to buy fruit.",
        ((5, 30, 15, "0123456"),),
        child_price=120000,
        private_price=1800000,
        offset=(0.0285, 0.0425),
    ),
    "lo-hu-tieu": Details(
        ActivityKind.COOKING,
        90,
        "Lò hủ tiếu Sáu Hoài, đường Lý Thường Kiệt, Cái Răng",
        "Sau Hoai noodle workshop, Ly Thuong Kiet street, Cai Rang",
        "Xem và tự tay tráng, phơi, cắt hủ tiếu; một tô hủ tiếu.",
        "Watch and try steaming, drying and cutting the noodles; a bowl of hu tieu.",
        "Không cần mang gì.",
        "Nothing to bring.",
        ((9, 0, 15, "0123456"),),
        child_price=100000,
    ),
    "mot-ngay-phum-soc": Details(
        ActivityKind.CULTURE,
        420,
        "Chùa Khmer Phú Tâm, cổng chính",
        "Phu Tam Khmer pagoda, main gate",
        "Người dẫn người Khmer, bữa trưa Khmer, vé xem múa Rô-băm, nước uống.",
        "A Khmer guide, a Khmer lunch, the Robam dance performance, drinks.",
        "Trang phục kín đáo khi vào chùa.",
        "Modest clothes for the pagoda.",
        ((8, 0, 16, "0123456"),),
        languages=",vi,en,",
        child_price=200000,
        min_group=2,
    ),
    "dua-ghe-ngo": Details(
        ActivityKind.CULTURE,
        120,
        "Bờ sông trước chùa Phú Tâm",
        "The river bank in front of Phu Tam pagoda",
        "Chỗ xem tập đua, người kể chuyện lễ Oóc Om Bóc, nước uống.",
        "A spot by the course, a storyteller of the Ok Om Bok festival, drinks.",
        "Mũ, kem chống nắng.",
        "A hat and sunscreen.",
        ((15, 30, 30, "56"),),
        child_price=50000,
        pay_at_village=True,
        max_group=20,
    ),
    "tham-quan-vuon-phong-dien": Details(
        ActivityKind.GARDEN,
        120,
        "Cổng vườn Thịnh Vượng, đường Nguyễn Văn Cừ nối dài",
        "Thinh Vuong garden gate, Nguyen Van Cu extension road",
        "Vé vào vườn, ăn trái cây tại chỗ thỏa thích.",
        "Entrance and all the fruit you can eat in the garden.",
        "Mũ, thuốc chống muỗi.",
        "A hat and mosquito repellent.",
        ((8, 0, 30, "0123456"), (14, 30, 30, "0123456")),
        child_price=30000,
        pay_at_village=True,
        max_group=20,
    ),
    "dap-xe-mie-vuon": Details(
        ActivityKind.CYCLING,
        240,
        "Chợ Phong Điền, đầu cầu Phong Điền",
        "Phong Dien market, by the Phong Dien bridge",
        "Xe đạp, mũ bảo hiểm, nón lá, nước uống, người dẫn đường.",
        "A bicycle, a helmet, a conical hat, drinks and a guide.",
        "Giày thể thao, áo mưa vào mùa mưa.",
        "Trainers, and a raincoat in the rainy season.",
        ((7, 0, 10, "0123456"),),
        child_price=180000,
        private_price=1500000,
        min_group=2,
        max_group=8,
    ),
}

# Sample bookings: (experience key, days from today, adults, children, language, email).
BOOKINGS = (
    ("cho-noi-binh-minh", 2, 2, 1, "en", "emma.tourist@example.com"),
    ("cho-noi-binh-minh", 3, 4, 0, "vi", "khach.hang@example.vn"),
    ("tat-muong-bat-ca", 4, 2, 2, "vi", "gia.dinh@example.vn"),
    ("tu-tay-lam-banh-trang", 2, 3, 0, "en", "lucas.traveller@example.com"),
    ("ca-loc-bay-con-son", 5, 2, 0, "vi", "minh.anh@example.vn"),
    ("mot-ngay-phum-soc", 6, 2, 0, "en", "sophie.voyage@example.com"),
    ("dap-xe-mie-vuon", 3, 2, 0, "en", "noah.cyclist@example.com"),
    ("ve-lang-my-khanh", 1, 5, 3, "vi", "truong.hoc@example.vn"),
)


class DemoExperiences:
    def __init__(self, loader):
        self.loader = loader

    def run(self):
        from villages.models import VillagePage

        villages = {page.slug: page for page in VillagePage.objects.all()}
        made = []
        for village in data.VILLAGES:
            for spec in village.experiences:
                made.append(self.experience(spec, village, villages.get(village.slug)))
        self.loader.created["experience slots"] += generate_slots(experiences=made)
        self.bookings()

    def experience(self, spec, village, page):
        product = self.loader.products[spec.key]
        existing = Experience.objects.filter(product=product).first()
        if existing:
            return existing
        d = DETAILS[spec.key]
        experience = Experience(
            product=product,
            village=page,
            kind=d.kind,
            duration_minutes=d.minutes,
            meeting_point=d.meeting,
            meeting_point_en=d.meeting_en,
            meeting_latitude=(Decimal(village.lat) + Decimal(str(d.offset[0]))).quantize(
                Decimal("0.000001")
            ),
            meeting_longitude=(Decimal(village.lng) + Decimal(str(d.offset[1]))).quantize(
                Decimal("0.000001")
            ),
            languages=d.languages,
            included=d.included,
            included_en=d.included_en,
            bring=d.bring,
            bring_en=d.bring_en,
            child_price=Decimal(d.child_price) if d.child_price is not None else None,
            private_group_price=Decimal(d.private_price) if d.private_price is not None else None,
            min_group=d.min_group,
            max_group=d.max_group,
            pay_at_village=d.pay_at_village,
        )
        experience.full_clean()
        experience.save()
        for hour, minute, capacity, weekdays in d.times:
            Schedule.objects.create(
                experience=experience,
                start_time=dt.time(hour, minute),
                weekdays=weekdays,
                capacity=capacity,
                starts_on=self.loader.today,
            )
        ClosedDay.objects.bulk_create(
            ClosedDay(experience=experience, date=day, reason="Mùng 1 Tết") for day in TET
        )
        self.loader.created["experiences with schedules"] += 1
        return experience

    def bookings(self):
        for number, (key, days, adults, children, language, email) in enumerate(BOOKINGS, 1):
            reference = f"MAU{number:04d}"
            if Booking.objects.filter(reference=reference).exists():
                continue
            day = self.loader.today + dt.timedelta(days=days)
            slot = (
                Slot.objects.filter(
                    experience__product=self.loader.products[key],
                    starts_at__date=day,
                )
                .order_by("starts_at")
                .first()
            )
            if slot is None or slot.starts_at <= timezone.now():
                continue
            Booking.objects.create(
                reference=reference,
                slot=slot,
                status=BookingStatus.CONFIRMED,
                adults=adults,
                children=children,
                language=language,
                email=email,
            )
            self.loader.created["sample bookings"] += 1
