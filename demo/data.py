"""The sample Cần Thơ, as plain data.

Producers and products are invented; communes and villages are real places. Dates of
certificates are relative to the day the data is first loaded, so a fresh demo always
shows valid, expiring, expired and revoked certificates. Each record has a stable
``key``: the loader finds what it created before by that key and never duplicates it.
"""

from dataclasses import dataclass
from datetime import date

DEMO_PASSWORD = "ocop-demo-2026"
SITE_DOMAIN = "127.0.0.1:8000"
SITE_NAME = "OCOP Cần Thơ"

# Where a producer was before the merger of 1 July 2025: which province certified it.
CAN_THO, SOC_TRANG, HAU_GIANG = "ct", "st", "hg"


@dataclass(frozen=True)
class Producer:
    key: str
    name: str
    kind: str
    commune: str  # name as in places.wards()
    street: str
    phone: str
    lat: str
    lng: str
    former: str = CAN_THO


@dataclass(frozen=True)
class Cert:
    """One evaluation. ``days_ago`` dates the decision relative to today; ``on`` pins a
    historical date (district decisions before July 2025); ``expires_in`` dates it so the
    certificate ends that many days from today."""

    score: str
    days_ago: int | None = None
    on: date | None = None
    expires_in: int | None = None
    level: str = ""  # blank: central for 5★, city otherwise
    body: str = ""  # blank: derived from level, date and the producer's former province
    revoked_days_ago: int | None = None
    revocation_reason: str = ""
    renews: int | None = None  # index of the renewed certificate in the same list
    sale_during_renewal: bool = False  # officers let it sell once expired, pending renewal


@dataclass(frozen=True)
class Product:
    key: str
    title: str
    producer: str
    category: str  # OCOP group/subgroup code, e.g. "1.3"
    price: int  # whole đồng
    stock: int
    description: str
    certs: tuple[Cert, ...] = ()
    traceability: str = ""


@dataclass(frozen=True)
class Experience(Product):
    """An experience sold per person, of the "trai-nghiem" product class."""


@dataclass(frozen=True)
class Village:
    slug: str
    title: str
    kind: str
    commune: str
    lat: str
    lng: str
    opening_hours: str
    summary: str
    body: str
    producers: tuple[str, ...]
    experiences: tuple[Experience, ...]
    ocop_product: str = ""  # key of an experience that is itself an OCOP product
    motif: str = "river"


@dataclass(frozen=True)
class Account:
    email: str
    first_name: str
    last_name: str
    officer: bool = False
    producer: str = ""  # key of the producer whose seller account this is


SAMPLE_NOTE = (
    "<p><em>Nội dung mẫu: tên cơ sở, giá, số liệu và chứng nhận trên trang này là dữ liệu "
    "minh họa, không phải thông tin chính thức.</em></p>"
)

PRODUCERS = (
    # Hợp tác xã
    Producer(
        "my-khanh-xanh",
        "HTX Nông nghiệp Mỹ Khánh Xanh",
        "htx",
        "Phường An Bình",
        "Tổ 3, khu vực Mỹ Ái",
        "0292 3846 215",
        "10.010500",
        "105.716000",
    ),
    Producer(
        "thuan-hung-xua",
        "HTX Bánh tráng Thuận Hưng Xưa",
        "htx",
        "Phường Thuận Hưng",
        "Số 41, khu vực Mỹ Phước",
        "0292 3852 604",
        "10.214000",
        "105.597000",
    ),
    Producer(
        "con-son-xanh",
        "HTX Du lịch cộng đồng Cồn Sơn Xanh",
        "htx",
        "Phường Bình Thủy",
        "Khu vực Bình Yên A, Cồn Sơn",
        "0939 214 786",
        "10.079000",
        "105.747000",
    ),
    Producer(
        "phong-dien-thinh-vuong",
        "HTX Trái cây Phong Điền Thịnh Vượng",
        "htx",
        "Xã Phong Điền",
        "Ấp Thị Tứ, đường vào chợ nổi Phong Điền",
        "0292 3942 118",
        "9.999000",
        "105.672000",
    ),
    Producer(
        "thoi-lai-xanh",
        "HTX Lúa gạo Thới Lai Xanh",
        "htx",
        "Xã Thới Lai",
        "Ấp Thới Phong A",
        "0292 3688 407",
        "10.064000",
        "105.558000",
    ),
    Producer(
        "hoa-an-phat",
        "HTX Bưởi da xanh Hòa An Phát",
        "htx",
        "Xã Hòa An",
        "Ấp Hòa Đức",
        "0918 362 540",
        "9.864000",
        "105.628000",
        HAU_GIANG,
    ),
    Producer(
        "thanh-phu-kheo-tay",
        "HTX Lục bình Thạnh Phú Khéo Tay",
        "htx",
        "Xã Thạnh Phú",
        "Ấp Thạnh Lợi",
        "0292 3710 936",
        "10.152000",
        "105.468000",
    ),
    Producer(
        "khmer-phu-tam",
        "HTX Du lịch văn hóa Khmer Phú Tâm",
        "htx",
        "Xã Phú Tâm",
        "Ấp Phú Đa, gần chùa trong ấp",
        "0946 581 203",
        "9.684000",
        "105.931000",
        SOC_TRANG,
    ),
    # Tổ hợp tác
    Producer(
        "mat-vang",
        "Tổ hợp tác Nuôi ong Mật Vàng Vị Thủy",
        "tht",
        "Xã Vị Thủy",
        "Ấp 4, ven rừng tràm",
        "0977 405 318",
        "9.804000",
        "105.553000",
        HAU_GIANG,
    ),
    Producer(
        "kho-ca-thoi-an",
        "Tổ hợp tác Khô cá Thới An",
        "tht",
        "Phường Thới Long",
        "Khu vực Thới Bình",
        "0292 3861 542",
        "10.128000",
        "105.618000",
    ),
    Producer(
        "mam-dong-que",
        "Tổ hợp tác Mắm Đồng Quê Vĩnh Thạnh",
        "tht",
        "Xã Vĩnh Thạnh",
        "Ấp Vĩnh Quới",
        "0907 318 264",
        "10.226000",
        "105.402000",
    ),
    Producer(
        "hoa-kieng-ba-bo",
        "Tổ hợp tác Hoa kiểng Bà Bộ Xanh",
        "tht",
        "Phường Long Tuyền",
        "Khu vực Bình Dương A",
        "0292 3884 320",
        "10.043000",
        "105.724000",
    ),
    Producer(
        "dan-lat-long-my",
        "Tổ hợp tác Đan lát tre trúc Long Mỹ",
        "tht",
        "Phường Long Mỹ",
        "Khu vực 3, đường Nguyễn Trãi",
        "0916 750 492",
        "9.681000",
        "105.571000",
        HAU_GIANG,
    ),
    Producer(
        "hanh-tim-vinh-chau",
        "Tổ hợp tác Hành tím Vĩnh Châu Tím",
        "tht",
        "Phường Vĩnh Châu",
        "Khóm Wáth Pích",
        "0985 624 173",
        "9.331000",
        "105.982000",
        SOC_TRANG,
    ),
    Producer(
        "ghe-binh-minh",
        "Tổ hợp tác Ghe du lịch Chợ nổi Bình Minh",
        "tht",
        "Phường Cái Răng",
        "Bến ghe chợ nổi, đường Võ Tánh",
        "0292 3910 475",
        "10.005000",
        "105.745000",
    ),
    # Doanh nghiệp
    Producer(
        "tay-do-que-nha",
        "Công ty TNHH Thực phẩm Tây Đô Quê Nhà",
        "dn",
        "Phường Hưng Phú",
        "Lô 7, đường số 12, khu dân cư Hưng Phú",
        "0292 3917 862",
        "10.015000",
        "105.795000",
    ),
    Producer(
        "song-hau-viet",
        "Công ty TNHH Trà thảo mộc Sông Hậu Việt",
        "dn",
        "Phường Vị Thanh",
        "Số 18, đường Trần Hưng Đạo",
        "0293 3876 154",
        "9.785000",
        "105.470000",
        HAU_GIANG,
    ),
    Producer(
        "miet-vuon",
        "Công ty Cổ phần Nước giải khát Miệt Vườn",
        "dn",
        "Xã Hỏa Lựu",
        "Ấp Thạnh Trung, gần vùng khóm Cầu Đúc",
        "0293 3581 207",
        "9.806000",
        "105.502000",
        HAU_GIANG,
    ),
    Producer(
        "ngoc-phat",
        "Công ty TNHH Bánh pía Ngọc Phát Mỹ Xuyên",
        "dn",
        "Phường Mỹ Xuyên",
        "Số 95, đường Triệu Nương",
        "0299 3851 730",
        "9.561000",
        "105.987000",
        SOC_TRANG,
    ),
    Producer(
        "phuong-nam-xanh",
        "Công ty TNHH Dược liệu Phương Nam Xanh",
        "dn",
        "Xã Phụng Hiệp",
        "Ấp Mỹ Thuận",
        "0293 3968 425",
        "9.792000",
        "105.718000",
        HAU_GIANG,
    ),
    Producer(
        "hat-ngoc",
        "Công ty TNHH Lúa gạo Hạt Ngọc Phương Nam",
        "dn",
        "Xã Mỹ Hương",
        "Ấp Phú Hữu",
        "0299 3870 619",
        "9.636000",
        "105.832000",
        SOC_TRANG,
    ),
    # Hộ kinh doanh
    Producer(
        "ut-huong",
        "Cơ sở Bánh tráng Út Hương",
        "hkd",
        "Phường Thuận Hưng",
        "Số 27, khu vực Tân Phước",
        "0939 508 162",
        "10.218000",
        "105.592000",
    ),
    Producer(
        "sau-lanh",
        "Cơ sở Rượu nếp Sáu Lành",
        "hkd",
        "Xã Trường Xuân",
        "Ấp Trường Hòa",
        "0908 731 455",
        "10.013000",
        "105.548000",
    ),
    Producer(
        "hai-dong",
        "Hộ kinh doanh Chả cá Hai Đông",
        "hkd",
        "Phường Cái Răng",
        "Số 12, hẻm 5 đường Trần Văn Sắc",
        "0292 3915 308",
        "10.001000",
        "105.760000",
    ),
    Producer(
        "muoi-sang",
        "Hộ kinh doanh Khô cá Mười Sang",
        "hkd",
        "Phường Thốt Nốt",
        "Khu vực Phụng Thạnh 1",
        "0919 347 628",
        "10.268000",
        "105.532000",
    ),
    Producer(
        "tu-lanh",
        "Hộ kinh doanh Vườn trái cây Tư Lành",
        "hkd",
        "Xã Nhơn Ái",
        "Ấp Nhơn Lộc 1, đường Lộ Vòng Cung",
        "0987 216 934",
        "10.004000",
        "105.690000",
    ),
)

_FAILED = "Dữ liệu mẫu: cơ sở không duy trì điều kiện sản xuất như hồ sơ đánh giá."

GOODS = (
    # 1.1 Thực phẩm tươi sống
    Product(
        "nhan-xuong-my-khanh",
        "Nhãn xuồng cơm vàng Mỹ Khánh Xanh",
        "my-khanh-xanh",
        "1.1",
        65000,
        80,
        "Nhãn xuồng cơm vàng trồng trên đất cù lao ven sông, cơm dày, ráo và ngọt thanh. "
        "Trái được cắt theo chùm vào buổi sáng và giao trong ngày. Giá cho 1 kg.",
        (Cert("72.5", expires_in=12),),
        "MẪU-TXNG-000101",
    ),
    Product(
        "buoi-da-xanh-hoa-an",
        "Bưởi da xanh Hòa An Phát",
        "hoa-an-phat",
        "1.1",
        90000,
        60,
        "Bưởi da xanh ruột hồng, vỏ mỏng, múi ráo, trồng theo quy trình VietGAP của hợp tác "
        "xã. Mỗi trái nặng khoảng 1,5–2 kg, có tem truy xuất trên cuống.",
        (Cert("81.0", days_ago=420),),
        "MẪU-TXNG-000102",
    ),
    Product(
        "sau-rieng-ri6-phong-dien",
        "Sầu riêng Ri6 Phong Điền Thịnh Vượng",
        "phong-dien-thinh-vuong",
        "1.1",
        120000,
        45,
        "Sầu riêng Ri6 cơm vàng, hạt lép, chín cây tại vườn ở Phong Điền. Hợp tác xã chỉ "
        "thu trái đủ tuổi nên vị béo và thơm đậm. Giá cho 1 kg.",
        (Cert("76.0", days_ago=610),),
    ),
    Product(
        "hanh-tim-vinh-chau",
        "Hành tím Vĩnh Châu túi 1 kg",
        "hanh-tim-vinh-chau",
        "1.1",
        55000,
        150,
        "Hành tím củ nhỏ, chắc, thơm nồng đặc trưng của vùng đất giồng cát Vĩnh Châu. "
        "Hành được phơi ráo, tuyển củ đều trước khi đóng túi lưới.",
        (Cert("68.0", days_ago=300),),
    ),
    Product(
        "dau-tay-nhon-ai",
        "Dâu tây Nhơn Ái hộp 500 g",
        "tu-lanh",
        "1.1",
        95000,
        0,
        "Dâu tây trồng trong nhà màng ở miệt vườn Nhơn Ái, hái vào sáng sớm. Trái nhỏ, "
        "chua ngọt, hợp ăn tươi hoặc làm sinh tố. Mùa dâu từ tháng 12 đến tháng 4.",
        (Cert("63.5", days_ago=200),),
    ),
    Product(
        "vu-sua-lo-ren",
        "Vú sữa Lò Rèn Vườn Tư Lành",
        "tu-lanh",
        "1.1",
        70000,
        40,
        "Vú sữa Lò Rèn vỏ mỏng, thịt trắng trong, nhiều sữa và ngọt mát. Trái được bao từ "
        "khi còn nhỏ để vỏ láng và sạch. Giá cho 1 kg.",
        (Cert("66.0", days_ago=530),),
    ),
    # 1.2 Thực phẩm thô, sơ chế
    Product(
        "gao-st25-hat-ngoc",
        "Gạo ST25 Hạt Ngọc Phương Nam túi 5 kg",
        "hat-ngoc",
        "1.2",
        175000,
        200,
        "Gạo ST25 trồng luân canh trên ruộng tôm, hạt dài, cơm dẻo và thơm lá dứa. "
        "Lúa được sấy lạnh và xay xát trong ngày trước khi đóng túi hút chân không.",
        (Cert("84.0", days_ago=1300), Cert("92.0", days_ago=400, renews=0)),
        "MẪU-TXNG-000201",
    ),
    Product(
        "gao-jasmine-thoi-lai",
        "Gạo thơm Jasmine Thới Lai Xanh túi 5 kg",
        "thoi-lai-xanh",
        "1.2",
        120000,
        180,
        "Gạo thơm Jasmine từ cánh đồng lớn của hợp tác xã, canh tác giảm phân thuốc hóa "
        "học. Cơm mềm, thơm nhẹ, hợp bữa cơm gia đình hằng ngày.",
        (Cert("74.0", days_ago=350),),
    ),
    Product(
        "gao-lut-tim-thoi-lai",
        "Gạo lứt tím than Thới Lai Xanh túi 2 kg",
        "thoi-lai-xanh",
        "1.2",
        85000,
        95,
        "Gạo lứt tím than giữ nguyên lớp cám giàu chất xơ. Nấu cơm hoặc rang làm trà "
        "gạo lứt đều ngon.",
        (Cert("67.0", days_ago=150),),
    ),
    Product(
        "mat-ong-hoa-tram",
        "Mật ong hoa tràm Mật Vàng chai 500 ml",
        "mat-vang",
        "1.2",
        180000,
        70,
        "Mật ong khai thác từ đàn ong nuôi ven rừng tràm Hậu Giang, màu hổ phách, vị ngọt "
        "đậm và hơi the. Mật được lọc và hạ thủy phần tự nhiên, không pha đường.",
        (Cert("79.5", days_ago=260),),
        "MẪU-TXNG-000202",
    ),
    Product(
        "mat-ong-hoa-nhan",
        "Mật ong hoa nhãn Mật Vàng chai 350 ml",
        "mat-vang",
        "1.2",
        135000,
        55,
        "Mật ong hoa nhãn thu vào mùa nhãn trổ bông, màu vàng nhạt và thơm dịu. Hợp pha "
        "nước ấm buổi sáng hoặc dùng với trà.",
        (Cert("71.0", days_ago=700),),
    ),
    # 1.3 Thực phẩm chế biến
    Product(
        "banh-trang-phoi-suong",
        "Bánh tráng phơi sương Thuận Hưng Xưa",
        "thuan-hung-xua",
        "1.3",
        40000,
        120,
        "Bánh tráng tráng tay từ gạo ngon, phơi nắng rồi nướng và phơi sương đêm theo cách "
        "của làng nghề Thuận Hưng. Bánh dẻo, không cần nhúng nước, cuốn thịt luộc và rau "
        "rừng rất hợp. Gói 500 g.",
        (Cert("91.5", days_ago=330),),
        "MẪU-TXNG-000301",
    ),
    Product(
        "banh-trang-nuong-me-den",
        "Bánh tráng nướng mè đen Thuận Hưng Xưa",
        "thuan-hung-xua",
        "1.3",
        35000,
        140,
        "Bánh tráng mè đen dày, nướng trên than hồng cho phồng giòn. Gói 10 cái, ăn kèm "
        "chè hoặc bẻ vụn trộn gỏi.",
        (Cert("77.0", days_ago=330),),
    ),
    Product(
        "banh-trang-dua-ut-huong",
        "Bánh tráng dừa Út Hương",
        "ut-huong",
        "1.3",
        30000,
        110,
        "Bánh tráng pha nước cốt dừa và mè, tráng mỏng rồi phơi trên giàn tre. Nướng lên "
        "giòn rụm, béo thơm. Gói 10 cái.",
        (
            Cert("61.0", on=date(2023, 4, 12), level="district", body="UBND quận Thốt Nốt"),
            Cert("72.0", days_ago=250, renews=0),
        ),
    ),
    Product(
        "banh-trang-cuon-ut-huong",
        "Bánh tráng cuốn Út Hương xấp 500 g",
        "ut-huong",
        "1.3",
        28000,
        160,
        "Bánh tráng mỏng dùng cuốn gỏi, chả giò, nhúng nhanh là mềm và không rách. Làm "
        "thủ công mỗi ngày tại lò của gia đình ở Thuận Hưng.",
        (Cert("58.5", days_ago=480),),
    ),
    Product(
        "banh-pia-sau-rieng",
        "Bánh pía sầu riêng trứng muối Ngọc Phát hộp 4 cái",
        "ngoc-phat",
        "1.3",
        85000,
        130,
        "Bánh pía vỏ ngàn lớp, nhân đậu xanh sầu riêng và lòng đỏ trứng muối. Công thức "
        "của gia đình người Hoa ở Mỹ Xuyên, nướng mới mỗi ngày.",
        (Cert("90.8", days_ago=560),),
        "MẪU-TXNG-000302",
    ),
    Product(
        "banh-pia-dau-xanh",
        "Bánh pía đậu xanh Ngọc Phát hộp 4 cái",
        "ngoc-phat",
        "1.3",
        65000,
        150,
        "Bánh pía nhân đậu xanh sên mịn, ngọt vừa, vỏ bánh mỏng tách lớp. Hộp 4 cái, "
        "hợp làm quà biếu.",
        (Cert("78.0", days_ago=560),),
    ),
    Product(
        "lap-xuong-tom",
        "Lạp xưởng tôm Ngọc Phát 500 g",
        "ngoc-phat",
        "1.3",
        160000,
        65,
        "Lạp xưởng làm từ thịt heo và tôm đất, ướp rượu mai quế lộ rồi phơi nắng. Chiên "
        "hoặc nướng, ăn với cơm trắng hay xôi.",
        (Cert("73.0", days_ago=90),),
    ),
    Product(
        "cha-ca-thac-lac-tay-do",
        "Chả cá thác lác Tây Đô Quê Nhà hộp 500 g",
        "tay-do-que-nha",
        "1.3",
        120000,
        85,
        "Chả cá thác lác quết tay, dai và ngọt tự nhiên, đã nêm sẵn tiêu hành. Bảo quản "
        "đông lạnh; rã đông rồi chiên, hấp hoặc nấu canh khổ qua.",
        (Cert("93.2", days_ago=210),),
        "MẪU-TXNG-000303",
    ),
    Product(
        "cha-ca-hai-dong",
        "Chả cá thác lác Hai Đông hộp 500 g",
        "hai-dong",
        "1.3",
        110000,
        50,
        "Chả cá thác lác làm theo cách nhà, không hàn the, không chất bảo quản. Mỗi mẻ "
        "làm ít nên bán hết trong ngày ở chợ Cái Răng.",
        (Cert("64.0", days_ago=380),),
    ),
    Product(
        "nem-nuong-tay-do",
        "Nem nướng Tây Đô Quê Nhà 500 g",
        "tay-do-que-nha",
        "1.3",
        95000,
        70,
        "Nem nướng viên sẵn, chỉ cần nướng than hoặc nồi chiên không dầu. Kèm gói nước "
        "chấm tương đậu pha sẵn.",
        (Cert("75.0", days_ago=720),),
    ),
    Product(
        "hu-tieu-kho-tay-do",
        "Hủ tiếu khô Tây Đô Quê Nhà gói 500 g",
        "tay-do-que-nha",
        "1.3",
        35000,
        190,
        "Hủ tiếu sợi nhỏ làm từ gạo, phơi khô tự nhiên. Trụng 2–3 phút, dùng nấu hủ tiếu "
        "nước hoặc xào.",
    ),
    Product(
        "kho-ca-tra-phong",
        "Khô cá tra phồng Thới An túi 500 g",
        "kho-ca-thoi-an",
        "1.3",
        95000,
        100,
        "Khô cá tra phồng một nắng, thịt dày và béo, ướp muối vừa. Chiên vàng hoặc nướng, "
        "ăn với cơm trắng và xoài bằm.",
        (Cert("70.5", days_ago=640),),
    ),
    Product(
        "kho-ca-loc",
        "Khô cá lóc Thới An túi 500 g",
        "kho-ca-thoi-an",
        "1.3",
        220000,
        35,
        "Khô cá lóc đồng xẻ bướm, phơi nắng gió ven sông Hậu. Thịt chắc, ngọt, nướng lên "
        "thơm lừng.",
        (Cert("74.5", expires_in=27),),
    ),
    Product(
        "kho-ca-tra-muoi-sang",
        "Khô cá tra một nắng Mười Sang 500 g",
        "muoi-sang",
        "1.3",
        85000,
        90,
        "Khô cá tra một nắng làm tại Thốt Nốt, cá tươi ướp muối đường rồi phơi đúng một "
        "nắng. Thịt mềm, thơm, ít mặn.",
        (Cert("62.0", days_ago=170),),
    ),
    Product(
        "mam-ca-linh",
        "Mắm cá linh Đồng Quê hũ 500 g",
        "mam-dong-que",
        "1.3",
        75000,
        75,
        "Mắm cá linh ủ từ cá linh mùa nước nổi với muối và thính gạo rang. Dùng kho, chưng "
        "thịt hoặc nấu lẩu mắm.",
        (Cert("69.0", days_ago=440),),
    ),
    Product(
        "mam-thai-dong-que",
        "Mắm thái Đồng Quê hũ 500 g",
        "mam-dong-que",
        "1.3",
        90000,
        45,
        "Mắm cá lóc thái sợi trộn đu đủ bào và thính, vị chua ngọt hài hòa. Ăn kèm thịt "
        "ba rọi luộc và rau sống.",
        # Expired; officers let it sell while its re-evaluation is pending.
        (Cert("65.0", days_ago=1250, sale_during_renewal=True),),
    ),
    # 1.4 Gia vị
    Product(
        "nuoc-mam-ca-linh",
        "Nước mắm cá linh Đồng Quê chai 500 ml",
        "mam-dong-que",
        "1.4",
        65000,
        110,
        "Nước mắm rút từ chượp cá linh ủ chín hơn một năm, màu cánh gián, vị ngọt hậu. "
        "Không pha chất điều vị.",
        (Cert("66.5", days_ago=60),),
    ),
    Product(
        "hanh-phi-vinh-chau",
        "Hành phi Vĩnh Châu hũ 200 g",
        "hanh-tim-vinh-chau",
        "1.4",
        45000,
        120,
        "Hành tím Vĩnh Châu thái mỏng, phi vàng bằng dầu thực vật, giòn và thơm lâu. Rắc "
        "lên cháo, xôi, bún hay mì.",
        (Cert("73.5", days_ago=300),),
    ),
    Product(
        "tuong-ot-xiem-xanh",
        "Tương ớt xiêm xanh Tây Đô Quê Nhà chai 250 g",
        "tay-do-que-nha",
        "1.4",
        40000,
        100,
        "Tương ớt làm từ ớt xiêm xanh miệt vườn, cay nồng mà thơm. Chấm hải sản, đồ nướng "
        "hoặc trộn gỏi.",
    ),
    # 1.5 Chè, trà
    Product(
        "tra-mang-cau",
        "Trà mãng cầu Sông Hậu Việt hộp 20 túi lọc",
        "song-hau-viet",
        "1.5",
        85000,
        140,
        "Trà túi lọc từ trái mãng cầu xiêm thái lát, sấy lạnh để giữ vị chua thanh. Pha "
        "nóng hoặc uống đá, thêm chút mật ong.",
        (Cert("90.3", days_ago=120),),
        "MẪU-TXNG-000501",
    ),
    Product(
        "tra-kho-qua-rung",
        "Trà khổ qua rừng Sông Hậu Việt hộp 150 g",
        "song-hau-viet",
        "1.5",
        70000,
        85,
        "Khổ qua rừng phơi khô, cắt nhỏ, vị đắng nhẹ rồi ngọt hậu. Hãm với nước sôi 5 phút "
        "trước khi uống.",
        (Cert("76.5", days_ago=900),),
    ),
    Product(
        "tra-hoa-dau-biec",
        "Trà hoa đậu biếc Sông Hậu Việt hộp 50 g",
        "song-hau-viet",
        "1.5",
        60000,
        0,
        "Hoa đậu biếc sấy khô cho nước trà xanh tím tự nhiên, đổi sang tím hồng khi thêm "
        "chanh. Hợp pha trà, làm xôi và bánh.",
        (Cert("59.0", days_ago=45),),
    ),
    # 2.1 Đồ uống có cồn
    Product(
        "ruou-nep-than",
        "Rượu nếp than Sáu Lành chai 500 ml",
        "sau-lanh",
        "2.1",
        120000,
        60,
        "Rượu nếp than nấu thủ công bằng men lá, ủ trong lu sành. Rượu màu tím sẫm, thơm "
        "mùi nếp, độ cồn 29%.",
        (
            Cert("63.0", on=date(2024, 6, 18), level="district", body="UBND huyện Thới Lai"),
            Cert("71.5", days_ago=380, renews=0),
        ),
    ),
    Product(
        "ruou-de-sau-lanh",
        "Rượu đế nếp Sáu Lành bình 2 lít",
        "sau-lanh",
        "2.1",
        250000,
        30,
        "Rượu đế nấu từ nếp sáp theo cách truyền thống miệt Thới Lai, độ cồn 39%. Đựng "
        "bình nhựa thực phẩm có tem niêm phong.",
        (Cert("60.5", days_ago=820),),
    ),
    Product(
        "ruou-dau-tam",
        "Rượu dâu tằm Sáu Lành chai 500 ml",
        "sau-lanh",
        "2.1",
        150000,
        40,
        "Rượu ngâm từ dâu tằm chín trồng ven kênh, vị chua ngọt, độ cồn 18%. Uống lạnh sau bữa ăn.",
    ),
    # 2.2 Đồ uống không cồn
    Product(
        "nuoc-ep-khom",
        "Nước ép khóm Cầu Đúc Miệt Vườn chai 330 ml",
        "miet-vuon",
        "2.2",
        25000,
        200,
        "Nước ép từ khóm Cầu Đúc chín cây, không thêm đường, thanh trùng nhanh để giữ vị "
        "tươi. Lắc đều, uống lạnh ngon hơn.",
        (Cert("80.0", days_ago=510),),
        "MẪU-TXNG-000601",
    ),
    Product(
        "nuoc-ep-chanh-day",
        "Nước ép chanh dây Miệt Vườn chai 330 ml",
        "miet-vuon",
        "2.2",
        25000,
        180,
        "Nước chanh dây giữ nguyên hạt, chua dịu, hợp giải nhiệt ngày nắng. Sản xuất từ "
        "chanh dây thu mua của nông hộ trong vùng.",
        (Cert("70.0", days_ago=600, revoked_days_ago=15, revocation_reason=_FAILED),),
    ),
    Product(
        "nuoc-mang-cau",
        "Nước mãng cầu xiêm Miệt Vườn chai 330 ml",
        "miet-vuon",
        "2.2",
        28000,
        160,
        "Nước mãng cầu xiêm xay cả cơm, sánh nhẹ, chua ngọt tự nhiên. Bảo quản mát, dùng "
        "trong 7 ngày sau khi mở nắp.",
        (Cert("68.5", days_ago=95),),
    ),
    # 3.1 Thực phẩm chức năng, thuốc từ dược liệu
    Product(
        "cao-chum-ngay",
        "Cao chùm ngây Phương Nam Xanh lọ 100 g",
        "phuong-nam-xanh",
        "3.1",
        180000,
        40,
        "Cao đặc chiết từ lá chùm ngây trồng hữu cơ, cô đặc ở nhiệt độ thấp. Pha một thìa "
        "nhỏ với nước ấm; sản phẩm không phải là thuốc.",
        (Cert("75.5", days_ago=240),),
    ),
    Product(
        "tra-diep-ha-chau",
        "Trà túi lọc diệp hạ châu Phương Nam Xanh",
        "phuong-nam-xanh",
        "3.1",
        65000,
        75,
        "Diệp hạ châu (chó đẻ răng cưa) phơi âm can, đóng túi lọc tiện dùng. Vị đắng nhẹ, "
        "uống thay nước trà hằng ngày.",
        (Cert("64.5", days_ago=560),),
    ),
    Product(
        "vien-nghe-mat-ong",
        "Viên nghệ mật ong Phương Nam Xanh hũ 250 g",
        "phuong-nam-xanh",
        "3.1",
        150000,
        60,
        "Tinh bột nghệ vàng vo viên với mật ong hoa tràm, phơi khô tự nhiên. Sản phẩm "
        "không phải là thuốc và không thay thế thuốc chữa bệnh.",
        (Cert("71.0", days_ago=140),),
    ),
    # 3.2 Mỹ phẩm, tinh dầu từ dược liệu
    Product(
        "tinh-dau-sa-chanh",
        "Tinh dầu sả chanh Phương Nam Xanh chai 50 ml",
        "phuong-nam-xanh",
        "3.2",
        95000,
        90,
        "Tinh dầu chưng cất hơi nước từ sả chanh trồng tại Phụng Hiệp. Dùng xông phòng, "
        "đuổi muỗi hoặc pha loãng để lau nhà.",
        (Cert("82.5", days_ago=680),),
    ),
    Product(
        "tinh-dau-tram",
        "Tinh dầu tràm Mật Vàng chai 100 ml",
        "mat-vang",
        "3.2",
        85000,
        110,
        "Tinh dầu tràm gió nguyên chất, chưng cất từ lá tràm ven rừng. Thoa ấm ngực, lòng "
        "bàn chân cho trẻ nhỏ và người lớn.",
        (Cert("72.0", days_ago=30),),
    ),
    Product(
        "xa-phong-bo-hon",
        "Xà phòng thảo dược bồ hòn Phương Nam Xanh",
        "phuong-nam-xanh",
        "3.2",
        45000,
        130,
        "Xà phòng thủ công từ quả bồ hòn, dầu dừa và tinh dầu sả. Dịu nhẹ với da, không "
        "chất tạo bọt tổng hợp.",
        (Cert("45.0", days_ago=200),),
    ),
    # 4.1 Thủ công mỹ nghệ, trang trí
    Product(
        "tui-xach-luc-binh",
        "Túi xách lục bình Thạnh Phú Khéo Tay",
        "thanh-phu-kheo-tay",
        "4.1",
        320000,
        25,
        "Túi xách đan tay từ cọng lục bình phơi khô, lót vải bố bên trong. Mỗi chiếc mất "
        "khoảng hai ngày đan của các chị em trong hợp tác xã.",
        (Cert("78.5", days_ago=460),),
    ),
    Product(
        "den-luc-binh",
        "Đèn lục bình trang trí Thạnh Phú Khéo Tay",
        "thanh-phu-kheo-tay",
        "4.1",
        280000,
        15,
        "Chụp đèn đan lục bình dáng tròn, cho ánh sáng vàng ấm. Hợp quán cà phê, homestay "
        "và phòng khách.",
        (Cert("66.0", days_ago=1180),),
    ),
    Product(
        "tranh-luc-binh",
        "Tranh ghép lục bình Thạnh Phú Khéo Tay",
        "thanh-phu-kheo-tay",
        "4.1",
        450000,
        8,
        "Tranh phong cảnh sông nước ghép từ sợi lục bình nhuộm màu tự nhiên, khung gỗ "
        "30 × 40 cm. Món quà lưu niệm của miền Tây.",
        (Cert("73.0", days_ago=75),),
    ),
    # 4.2 Đồ gia dụng thủ công
    Product(
        "gio-luc-binh",
        "Giỏ lục bình đựng đồ Thạnh Phú (bộ 3)",
        "thanh-phu-kheo-tay",
        "4.2",
        350000,
        30,
        "Bộ ba giỏ lục bình có nắp, đan dày và chắc, dùng đựng quần áo, đồ chơi hoặc "
        "trái cây. Kích thước lớn, vừa, nhỏ lồng vào nhau.",
        (Cert("80.5", days_ago=460),),
        "MẪU-TXNG-000801",
    ),
    Product(
        "ro-tre-long-my",
        "Đan lát tre trúc – bộ rổ rá Long Mỹ (bộ 3)",
        "dan-lat-long-my",
        "4.2",
        150000,
        45,
        "Bộ rổ rá đan từ tre già ngâm bùn chống mọt, dùng vo gạo, rửa rau, phơi khô. "
        "Đồ dùng quen thuộc của bếp quê miền Tây.",
        (Cert("61.5", days_ago=290),),
    ),
    Product(
        "khay-may-long-my",
        "Khay mây đan Long Mỹ đựng bánh mứt",
        "dan-lat-long-my",
        "4.2",
        90000,
        0,
        "Khay tròn đan mây và tre, có quai, hợp đựng bánh mứt ngày Tết hay trái cây. "
        "Đường kính 35 cm.",
    ),
    # 5.1 Hoa, cây cảnh
    Product(
        "mai-vang-bonsai",
        "Mai vàng bonsai Bà Bộ Xanh (cây 5 năm)",
        "hoa-kieng-ba-bo",
        "5.1",
        3500000,
        12,
        "Mai vàng năm cánh dáng bonsai, cây 5 năm tuổi, được tuốt lá canh nở đúng Tết. "
        "Giao kèm chậu sứ và hướng dẫn chăm sau Tết.",
        (Cert("77.5", days_ago=340),),
    ),
    Product(
        "mai-vang-giao",
        "Mai vàng giảo chậu 60 cm Bà Bộ Xanh",
        "hoa-kieng-ba-bo",
        "5.1",
        1200000,
        20,
        "Mai giảo hoa nhiều cánh, màu vàng đậm, nở lâu. Cây cao khoảng 60 cm trong chậu xi măng.",
        (Cert("69.5", days_ago=340),),
    ),
    Product(
        "kieng-la-trau-ba",
        "Kiểng lá trầu bà Bà Bộ Xanh chậu nhỏ",
        "hoa-kieng-ba-bo",
        "5.1",
        65000,
        150,
        "Trầu bà lá xanh bóng trong chậu nhựa 15 cm, dễ chăm, chịu bóng râm. Hợp để bàn "
        "làm việc và kệ sách.",
        (Cert("58.0", days_ago=520),),
    ),
    Product(
        "cuc-mam-xoi",
        "Hoa cúc mâm xôi Bà Bộ Xanh (cặp chậu)",
        "hoa-kieng-ba-bo",
        "5.1",
        180000,
        60,
        "Cặp chậu cúc mâm xôi vàng tròn đều, trồng ở làng hoa Phó Thọ – Bà Bộ cho dịp Tết. "
        "Hoa nở khoảng 3–4 tuần.",
    ),
    # 5.2 Động vật cảnh
    Product(
        "ca-bay-mau",
        "Cá bảy màu Guppy Bà Bộ Xanh (cặp)",
        "hoa-kieng-ba-bo",
        "5.2",
        60000,
        90,
        "Cặp cá bảy màu đuôi rộng, màu sắc rực rỡ, được thuần dưỡng trong nước máy đã khử "
        "clo. Giao trong túi oxy, kèm hướng dẫn thả cá.",
        (Cert("55.0", days_ago=160),),
    ),
)

EXPERIENCE_NOTE = "Giá cho một người."

VILLAGES = (
    Village(
        "lang-du-lich-my-khanh",
        "Làng du lịch Mỹ Khánh",
        "tourism",
        "Phường An Bình",
        "10.011000",
        "105.717000",
        "7:00–18:00 hằng ngày",
        "Làng du lịch sinh thái bên rạch Mỹ Khánh: vườn trái cây, nhà cổ, trò chơi dân gian "
        "và ẩm thực Nam Bộ.",
        "<p>Làng du lịch Mỹ Khánh nằm trên đường vào Phong Điền, cách trung tâm Ninh Kiều "
        "khoảng 10 km. Khu làng rộng khoảng 30 ha với vườn trái cây, nhà cổ, ao cá và điểm "
        "bày bán sản phẩm OCOP.</p><p>Đây là sản phẩm du lịch đầu tiên của Cần Thơ được công "
        "nhận OCOP 4 sao (87,7 điểm, năm 2023).</p>" + SAMPLE_NOTE,
        ("my-khanh-xanh", "tu-lanh"),
        (
            Experience(
                "ve-lang-my-khanh",
                "Vé tham quan Làng du lịch Mỹ Khánh trọn ngày",
                "my-khanh-xanh",
                "6.2",
                80000,
                200,
                "Vé vào cổng làng trọn ngày: tham quan nhà cổ, vườn trái cây, xem đua "
                "heo và biểu diễn đờn ca tài tử. " + EXPERIENCE_NOTE,
                (Cert("87.7", expires_in=24),),
            ),
            Experience(
                "tat-muong-bat-ca",
                "Tát mương bắt cá và nướng trui tại Mỹ Khánh",
                "my-khanh-xanh",
                "6.1",
                250000,
                40,
                "Cùng nông dân tát mương, bắt cá lóc bằng tay rồi nướng trui bên bờ "
                "mương, ăn với rau vườn. Kéo dài khoảng 3 giờ, có quần áo thay. " + EXPERIENCE_NOTE,
            ),
        ),
        ocop_product="ve-lang-my-khanh",
        motif="garden",
    ),
    Village(
        "con-son",
        "Cồn Sơn",
        "community",
        "Phường Bình Thủy",
        "10.079500",
        "105.746500",
        "7:30–17:30 hằng ngày",
        "Cù lao nhỏ giữa sông Hậu, nơi các hộ dân cùng làm du lịch cộng đồng với vườn trái cây "
        "và bè cá.",
        "<p>Cồn Sơn là cù lao rộng khoảng 70 ha trên sông Hậu, đi đò từ bến Cờ Bắc chừng 5 "
        "phút. Hàng chục hộ dân mở vườn đón khách: xem cá lóc bay, hái trái cây, ăn cơm nhà "
        "vườn.</p><p>Câu lạc bộ du lịch cộng đồng của cồn điều phối lịch đón khách để mỗi hộ "
        "đều có phần.</p>" + SAMPLE_NOTE,
        ("con-son-xanh", "mat-vang"),
        (
            Experience(
                "ca-loc-bay-con-son",
                "Xem cá lóc bay và dạo vườn trái cây Cồn Sơn",
                "con-son-xanh",
                "6.1",
                150000,
                60,
                "Đi đò sang cồn, xem màn cá lóc nhảy lên đớp mồi, dạo vườn và thưởng "
                "thức trái cây theo mùa. Khoảng 2 giờ, có hướng dẫn viên là người dân "
                "trên cồn. " + EXPERIENCE_NOTE,
                (Cert("74.0", days_ago=270),),
            ),
            Experience(
                "com-nha-vuon-con-son",
                "Ăn trưa cơm nhà vườn cùng gia đình Cồn Sơn",
                "con-son-xanh",
                "6.1",
                180000,
                30,
                "Cùng chủ nhà nấu và ăn bữa trưa miền Tây: cá kho tộ, canh chua bông "
                "điên điển, rau vườn. " + EXPERIENCE_NOTE,
            ),
        ),
        motif="islet",
    ),
    Village(
        "lang-banh-trang-thuan-hung",
        "Làng nghề bánh tráng Thuận Hưng",
        "craft",
        "Phường Thuận Hưng",
        "10.216000",
        "105.594000",
        "6:00–17:00, nghỉ mùng 1–3 Tết",
        "Làng nghề bánh tráng hơn 200 năm tuổi ở Thốt Nốt, di sản văn hóa phi vật thể quốc gia.",
        "<p>Làng bánh tráng Thuận Hưng có lịch sử hơn 200 năm; khoảng một trăm hộ vẫn giữ "
        "nghề. Năm 2023 nghề làm bánh tráng Thuận Hưng được công nhận là di sản văn hóa phi vật "
        "thể quốc gia.</p><p>Khách có thể xem tráng bánh, phơi bánh trên giàn tre và tự tay "
        "tráng một chiếc bánh.</p>" + SAMPLE_NOTE,
        ("thuan-hung-xua", "ut-huong", "muoi-sang"),
        (
            Experience(
                "tu-tay-lam-banh-trang",
                "Tự tay làm bánh tráng ở Thuận Hưng",
                "thuan-hung-xua",
                "6.1",
                120000,
                50,
                "Nghệ nhân hướng dẫn xay bột, tráng bánh trên nồi hơi, phơi giàn và "
                "nướng bánh. Mang về một xấp bánh tự làm. Khoảng 2 giờ. " + EXPERIENCE_NOTE,
                (Cert("71.0", days_ago=190),),
            ),
            Experience(
                "dao-lang-banh-trang",
                "Dạo làng bánh tráng Thuận Hưng lúc sáng sớm",
                "thuan-hung-xua",
                "6.1",
                90000,
                30,
                "Đi bộ qua các lò bánh lúc sáng sớm, xem phơi bánh trên giàn tre dọc bờ "
                "kênh, ăn sáng bánh tráng nướng và bánh hỏi. Khoảng 1 giờ 30 phút. "
                + EXPERIENCE_NOTE,
            ),
        ),
        motif="craft",
    ),
    Village(
        "cho-noi-cai-rang",
        "Chợ nổi Cái Răng",
        "community",
        "Phường Cái Răng",
        "10.005500",
        "105.745500",
        "Chợ họp 5:00–9:00 hằng ngày",
        "Chợ trên sông hình thành từ đầu thế kỷ 20, ghe bẹo treo nông sản trên cây sào.",
        "<p>Chợ nổi Cái Răng họp từ tờ mờ sáng trên sông Cần Thơ, với hàng trăm ghe xuồng "
        "chở trái cây, rau củ. Mỗi ghe treo hàng mình bán trên cây bẹo để người mua nhìn từ "
        "xa.</p><p>Quanh chợ có các lò hủ tiếu và vườn trái cây đón khách.</p>" + SAMPLE_NOTE,
        ("ghe-binh-minh", "hai-dong", "tay-do-que-nha"),
        (
            Experience(
                "cho-noi-binh-minh",
                "Đi chợ nổi Cái Răng lúc bình minh",
                "ghe-binh-minh",
                "6.1",
                200000,
                80,
                "Xuất bến 5:30 từ bến Ninh Kiều, ngắm mặt trời mọc trên sông, ăn hủ "
                "tiếu trên ghe và mua trái cây tại chợ. Khoảng 3 giờ, có áo phao. "
                + EXPERIENCE_NOTE,
                (Cert("81.5", days_ago=430),),
            ),
            Experience(
                "lo-hu-tieu",
                "Học làm hủ tiếu tại lò hủ tiếu Cái Răng",
                "ghe-binh-minh",
                "6.1",
                150000,
                30,
                "Ghé lò hủ tiếu ven sông, xem tráng bánh, cắt sợi và tự làm một tô hủ "
                "tiếu. Khoảng 1 giờ 30 phút. " + EXPERIENCE_NOTE,
            ),
        ),
        motif="market",
    ),
    Village(
        "lang-van-hoa-khmer-phu-tam",
        "Làng văn hóa du lịch Khmer Phú Tâm",
        "cultural",
        "Xã Phú Tâm",
        "9.684500",
        "105.931500",
        "8:00–17:00, lễ hội theo lịch Khmer",
        "Phum sóc Khmer với chùa, nhà sàn, múa dân gian và bánh truyền thống.",
        "<p>Một ngày ở phum sóc Khmer: viếng chùa, nghe kể về lễ Chôl Chnăm Thmây và Oóc Om "
        "Bóc, xem múa dân gian và học làm bánh truyền thống cùng các gia đình trong ấp.</p>"
        "<p>Làng văn hóa du lịch là mục tiêu của kế hoạch OCOP thành phố đến năm 2030.</p>"
        + SAMPLE_NOTE,
        ("khmer-phu-tam", "ngoc-phat"),
        (
            Experience(
                "mot-ngay-phum-soc",
                "Một ngày ở phum sóc Khmer Phú Tâm",
                "khmer-phu-tam",
                "6.1",
                350000,
                25,
                "Viếng chùa cùng người dân, xem múa Rom vong, ăn trưa món Khmer và học "
                "làm bánh ít, bánh gừng. Trọn ngày, có người dẫn nói được tiếng Khmer "
                "và tiếng Việt. " + EXPERIENCE_NOTE,
                (Cert("68.0", days_ago=110),),
            ),
            Experience(
                "dua-ghe-ngo",
                "Xem tập đua ghe ngo mùa Oóc Om Bóc",
                "khmer-phu-tam",
                "6.1",
                100000,
                0,
                "Mùa lễ Oóc Om Bóc, xem các đội ghe ngo tập luyện trên sông và nghe kể "
                "về tục cúng trăng. Chỉ mở vào tháng 10–11 âm lịch. " + EXPERIENCE_NOTE,
            ),
        ),
        motif="temple",
    ),
    Village(
        "vuon-trai-cay-phong-dien",
        "Vườn trái cây Phong Điền",
        "tourism",
        "Xã Phong Điền",
        "9.998000",
        "105.671000",
        "8:00–17:30 hằng ngày",
        "Miệt vườn Phong Điền với sầu riêng, chôm chôm, vú sữa và chợ nổi Phong Điền.",
        "<p>Phong Điền có hàng chục vườn trái cây và điểm du lịch sinh thái dọc lộ Vòng Cung. "
        "Khách đạp xe qua các vườn, hái trái tại cây và ghé chợ nổi Phong Điền buổi "
        "sáng.</p>" + SAMPLE_NOTE,
        ("phong-dien-thinh-vuong", "tu-lanh"),
        (
            Experience(
                "tham-quan-vuon-phong-dien",
                "Tham quan và ăn trái cây tại vườn Phong Điền",
                "phong-dien-thinh-vuong",
                "6.1",
                60000,
                120,
                "Dạo vườn sầu riêng, chôm chôm, măng cụt theo mùa và ăn trái cây tại "
                "chỗ thỏa thích. Khoảng 2 giờ. " + EXPERIENCE_NOTE,
                (Cert("65.5", days_ago=560),),
            ),
            Experience(
                "dap-xe-mie-vuon",
                "Đạp xe miệt vườn Phong Điền nửa ngày",
                "tu-lanh",
                "6.1",
                220000,
                20,
                "Đạp xe 12 km theo đường làng và cầu khỉ, ghé chợ nổi Phong Điền, vườn "
                "dâu và nhà cổ. Có xe đạp, nón và nước uống. " + EXPERIENCE_NOTE,
            ),
        ),
        motif="garden",
    ),
)

VILLAGE_INDEX = {
    "slug": "lang-du-lich",
    "title": "Làng du lịch",
    "intro": (
        "<p>Làng du lịch, làng nghề và điểm du lịch cộng đồng của Cần Thơ, cùng những trải "
        "nghiệm đặt được ngay trên trang.</p>"
    ),
}

HOME = {
    "slug": "trang-chu",
    "title": "OCOP Cần Thơ",
    "hero_title": "Đặc sản OCOP Cần Thơ, từ nơi làm ra đến tận nhà",
    "hero_text": (
        "Sản phẩm được công nhận OCOP 3, 4, 5 sao của các hợp tác xã, cơ sở và làng nghề "
        "Cần Thơ, cùng trải nghiệm ở các làng du lịch."
    ),
    "intro": (
        "<p>Chương trình Mỗi xã một sản phẩm (OCOP) của thành phố Cần Thơ giới thiệu sản phẩm "
        "đặc trưng của từng xã, phường. Mỗi sản phẩm hiện số sao và quyết định công nhận "
        "còn hiệu lực.</p>"
    ),
    "pinned": (
        "banh-trang-phoi-suong",
        "gao-st25-hat-ngoc",
        "ve-lang-my-khanh",
        "cha-ca-thac-lac-tay-do",
    ),
}

ACCOUNTS = (
    Account("officer@ocop-cantho.local", "Lan", "Nguyễn", officer=True),
    Account("producer1@ocop-cantho.local", "Khánh", "Trần", producer="my-khanh-xanh"),
    Account("producer2@ocop-cantho.local", "Hương", "Lê", producer="ut-huong"),
)


def experiences():
    return tuple(e for village in VILLAGES for e in village.experiences)


def all_products():
    return GOODS + experiences()
