from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    """What a tourist does: the first filter of the experience search."""

    FLOATING_MARKET = "floating_market", _("Chợ nổi")
    GARDEN = "garden", _("Vườn trái cây")
    CRAFT = "craft", _("Làng nghề, làm thủ công")
    COOKING = "cooking", _("Ẩm thực, nấu ăn")
    BOAT = "boat", _("Đi thuyền, sông nước")
    CYCLING = "cycling", _("Đạp xe")
    CULTURE = "culture", _("Văn hóa, đờn ca tài tử")
    HOMESTAY = "homestay", _("Lưu trú tại nhà dân")


class BookingStatus(models.TextChoices):
    # A hold keeps places while the tourist pays; it becomes a booking with the order.
    HELD = "held", _("Đang giữ chỗ")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    CANCELLED = "cancelled", _("Đã hủy")
    EXPIRED = "expired", _("Hết thời gian giữ chỗ")


# Languages a guide can offer: ISO 639-1 codes with their names.
LANGUAGES = [
    ("vi", _("Tiếng Việt")),
    ("en", _("Tiếng Anh")),
    ("fr", _("Tiếng Pháp")),
    ("zh", _("Tiếng Trung")),
    ("ko", _("Tiếng Hàn")),
    ("ja", _("Tiếng Nhật")),
]

# The basket/order line option that carries a booking's reference (experiences.booking).
BOOKING_OPTION_CODE = "ma-dat-cho"
