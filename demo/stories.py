"""The sample stories of the demo: producer profiles, product stories, news and the
plain content pages (about, how to join, delivery, privacy, terms).

Every producer of ``demo.data`` gets a profile page and every product with a
certificate gets a story; the few written out here are richer, the rest are told
from their catalogue data. All text is sample text, marked as such.
"""

from dataclasses import dataclass, field

from .data import SAMPLE_NOTE

PRODUCER_INDEX = {
    "slug": "co-so-san-xuat",
    "title": "Chủ thể OCOP",
    "intro": (
        "<p>Hợp tác xã, tổ hợp tác, doanh nghiệp và hộ kinh doanh làm ra sản phẩm OCOP "
        "của Cần Thơ. Lọc theo loại hình hoặc xã, phường để tìm cơ sở gần bạn.</p>"
    ),
}
PRODUCT_STORY_INDEX = {"slug": "cau-chuyen-san-pham", "title": "Câu chuyện sản phẩm"}
NEWS_INDEX = {
    "slug": "tin-tuc",
    "title": "Tin tức",
    "intro": (
        "<p>Tin về Chương trình OCOP thành phố Cần Thơ: công nhận sản phẩm, hội chợ, tập huấn.</p>"
    ),
}

# Motif of a producer's picture, by its kind: fruit gardens for cooperatives and so on.
KIND_MOTIF = {"htx": "garden", "tht": "craft", "dn": "market", "hkd": "islet"}


@dataclass(frozen=True)
class ProducerStory:
    summary: str
    paragraphs: tuple[str, ...]
    quote: str = ""
    quote_by: str = ""


PRODUCER_STORIES = {
    "ut-huong": ProducerStory(
        "Ba thế hệ tráng bánh ở Thuận Hưng; bánh tráng phơi sương làm tay, nướng trên than.",
        (
            "Cơ sở của cô Út Hương nằm trong xóm bánh tráng Thuận Hưng. Mỗi ngày cơ sở tráng "
            "khoảng hai nghìn bánh từ gạo của nông dân trong xã.",
            "Bánh được phơi nắng, nướng trên bếp than rồi phơi sương đêm cho dẻo, giữ vị "
            "ngọt của gạo mà không cần chất phụ gia.",
        ),
        "Bánh ngon là nhờ sương đêm ở Thuận Hưng và gạo mới.",
        "Cô Út Hương, chủ cơ sở",
    ),
    "my-khanh-xanh": ProducerStory(
        "Hợp tác xã của các nhà vườn Mỹ Khánh: trái cây theo mùa và du lịch miệt vườn.",
        (
            "Hợp tác xã gom trái cây của hơn bốn mươi nhà vườn ở Mỹ Khánh, chọn lựa, đóng "
            "gói và bán dưới một nhãn chung.",
            "Các thành viên cùng đón khách về làng du lịch Mỹ Khánh, nơi khách có thể vào "
            "vườn hái trái và ăn cơm nhà nông.",
        ),
        "Khách ăn trái tại vườn rồi mua về làm quà, vậy là nhà vườn sống được.",
        "Anh Khánh, giám đốc hợp tác xã",
    ),
    "hat-ngoc": ProducerStory(
        "Lúa gạo thơm trồng theo quy trình giảm phát thải ở vùng lúa Thới Lai.",
        (
            "Công ty liên kết với hợp tác xã lúa trong vùng, bao tiêu lúa theo hợp đồng và "
            "xay xát, đóng gói ngay tại nhà máy ở Cần Thơ.",
            "Mỗi bao gạo có mã truy xuất nguồn gốc, cho biết cánh đồng, ngày gặt và ngày xay.",
        ),
    ),
}


@dataclass(frozen=True)
class ProductStory:
    how_made: str
    ingredients: str = ""
    quote: str = ""
    quote_by: str = ""


PRODUCT_STORIES = {
    "banh-trang-phoi-suong": ProductStory(
        "Bột gạo được ngâm qua đêm, xay mịn rồi tráng mỏng trên nồi hơi. Bánh phơi nắng "
        "nửa ngày, nướng sơ trên than rồi phơi sương đêm cho dẻo.",
        "Gạo, muối, nước. Không chất bảo quản.",
        "Sương phải xuống đủ thì bánh mới dẻo, trời hanh thì chờ.",
        "Một thợ tráng bánh của hợp tác xã",
    ),
    "gao-st25-hat-ngoc": ProductStory(
        "Lúa được gặt khi chín đủ, sấy ở nhiệt độ thấp để hạt không nứt, xay xát và "
        "đóng gói trong vòng một tuần.",
        "Gạo ST25, 100%.",
    ),
}


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    days_ago: int
    summary: str
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    motif: str = "river"


NEWS = (
    Article(
        "cong-nhan-san-pham-ocop-dot-1",
        "Cần Thơ công nhận thêm sản phẩm OCOP đợt 1",
        6,
        "Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố đã chấm điểm các sản phẩm "
        "đăng ký đợt 1; nhiều sản phẩm đạt 4 sao.",
        ("công nhận", "OCOP 4 sao"),
        (
            "Hội đồng đánh giá, phân hạng sản phẩm OCOP thành phố Cần Thơ đã họp chấm điểm "
            "các sản phẩm đăng ký đợt 1 trong năm.",
            "Các sản phẩm đạt từ 50 điểm trở lên được đề nghị công nhận 3 sao, từ 70 điểm "
            "4 sao; sản phẩm đạt 90 điểm được giới thiệu lên cấp trung ương xét 5 sao.",
        ),
    ),
    Article(
        "hoi-cho-ocop-ben-ninh-kieu",
        "Hội chợ sản phẩm OCOP bên bến Ninh Kiều",
        20,
        "Ba ngày hội chợ với gian hàng của các hợp tác xã, làng nghề và làng du lịch.",
        ("hội chợ", "du lịch"),
        (
            "Hội chợ có gian hàng của các chủ thể OCOP trong thành phố, khu trải nghiệm làm "
            "bánh tráng và đan lục bình cho du khách.",
            "Người mua có thể đặt hàng trực tuyến trên trang này và nhận hàng tận nhà.",
        ),
        "market",
    ),
    Article(
        "tap-huan-chu-the-ocop",
        "Tập huấn xây dựng hồ sơ sản phẩm OCOP cho chủ thể",
        41,
        "Lớp tập huấn hướng dẫn chủ thể chuẩn bị hồ sơ, nhãn mác và truy xuất nguồn gốc.",
        ("tập huấn",),
        (
            "Lớp tập huấn dành cho hợp tác xã, tổ hợp tác và hộ kinh doanh chuẩn bị đăng ký "
            "đánh giá sản phẩm.",
            "Học viên được hướng dẫn cách ghi nhãn, công bố chất lượng và gắn mã truy xuất "
            "nguồn gốc cho sản phẩm.",
        ),
        "craft",
    ),
)


@dataclass(frozen=True)
class ContentPage:
    slug: str
    title: str
    intro: str
    paragraphs: tuple[str, ...] = field(default_factory=tuple)


CONTENT_PAGES = (
    ContentPage(
        "gioi-thieu",
        "Giới thiệu Chương trình OCOP Cần Thơ",
        "Mỗi xã một sản phẩm: sản phẩm đặc trưng của từng xã, phường được đánh giá và "
        "công nhận từ 3 đến 5 sao.",
        (
            "Chương trình Mỗi xã một sản phẩm (OCOP) phát triển sản phẩm dựa trên thế mạnh "
            "của từng địa phương, do hợp tác xã, doanh nghiệp và hộ sản xuất làm chủ.",
            "Sản phẩm được chấm trên thang 100 điểm: 50–69 điểm đạt 3 sao, 70–89 điểm đạt 4 "
            "sao, từ 90 điểm có thể được trung ương công nhận 5 sao. Giấy chứng nhận có hiệu "
            "lực 36 tháng.",
            "Trang này giới thiệu và bán trực tuyến các sản phẩm đã được công nhận, cùng các "
            "làng du lịch của thành phố.",
        ),
    ),
    ContentPage(
        "tro-thanh-chu-the-ocop",
        "Trở thành chủ thể OCOP",
        "Các bước để cơ sở của bạn đăng ký đánh giá, phân hạng sản phẩm.",
        (
            "1. Liên hệ bộ phận thường trực OCOP của thành phố hoặc UBND xã, phường nơi sản "
            "xuất để được hướng dẫn.",
            "2. Chuẩn bị hồ sơ: phiếu đăng ký, phương án sản xuất kinh doanh, tài liệu về "
            "chất lượng, nhãn mác và nguồn gốc sản phẩm.",
            "3. Hội đồng đánh giá chấm điểm; sản phẩm đạt từ 50 điểm được công nhận và có "
            "thể bán trên trang này.",
        ),
    ),
    ContentPage(
        "giao-hang-doi-tra",
        "Giao hàng và đổi trả",
        "Mỗi cơ sở tự đóng gói và giao phần hàng của mình.",
        (
            "Phí giao hàng tính theo từng cơ sở trong giỏ hàng và được miễn khi phần hàng "
            "của một cơ sở đạt mức quy định.",
            "Hàng lỗi, hư hỏng khi nhận được đổi trả trong 7 ngày; hàng tươi sống vui lòng "
            "báo ngay trong ngày nhận.",
        ),
    ),
    ContentPage(
        "chinh-sach-bao-mat",
        "Chính sách bảo mật",
        "Thông tin của bạn chỉ dùng để giao hàng và chăm sóc đơn hàng.",
        (
            "Chúng tôi lưu tên, địa chỉ, số điện thoại và email để xử lý đơn hàng. Mỗi cơ sở "
            "chỉ thấy thông tin cần để giao phần hàng của mình.",
            "Thông tin thẻ thanh toán do cổng thanh toán xử lý, không lưu trên trang này.",
        ),
    ),
    ContentPage(
        "dieu-khoan",
        "Điều khoản sử dụng",
        "Quy định khi mua hàng và sử dụng trang.",
        (
            "Giá bán, tồn kho và hạng sao hiện trên trang là thông tin tại thời điểm xem. "
            "Đơn hàng được xác nhận khi cơ sở nhận đơn.",
            "Hạng sao OCOP chỉ hiện khi giấy chứng nhận còn hiệu lực.",
        ),
    ),
)


def paragraphs_html(paragraphs, note=True):
    html = "".join(f"<p>{text}</p>" for text in paragraphs)
    return html + (SAMPLE_NOTE if note else "")
