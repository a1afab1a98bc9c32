"""The targets of the city plan, as officers' data on the programme page.

A target is a measure, a number and the year it is due by. The programme page compares
each with the count on its own deadline: a target due in a past year with the count at
the end of that year, one still ahead with today's count (see ``cms.programme``)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class TargetMeasure(models.TextChoices):
    """What a target counts. Products and producers are counted from certificates in
    force on the day (so past years are counted from decision dates); villages from the
    live village pages, which carry no date, so a past year's village count is the
    result an officer records on the target."""

    PRODUCTS = "products", _("Sản phẩm OCOP đạt chuẩn (3–5 sao)")
    FIVE_STAR = "five_star", _("Sản phẩm OCOP quốc gia 5 sao")
    ORGANISATIONS = "organisations", _("Tổ chức kinh tế có sản phẩm OCOP")
    TOURISM_VILLAGES = "tourism_villages", _("Làng du lịch gắn với sản phẩm địa phương")
    CULTURAL_VILLAGES = "cultural_villages", _("Làng văn hóa du lịch")


class ProgrammeTarget(Orderable):
    page = ParentalKey("cms.ProgrammePage", on_delete=models.CASCADE, related_name="targets")
    deadline_year = models.PositiveSmallIntegerField(
        _("năm hoàn thành"),
        validators=[MinValueValidator(2018), MaxValueValidator(2100)],
        help_text=_("Chỉ tiêu phải đạt vào cuối năm này, ví dụ 2020 hoặc 2030."),
    )
    measure = models.CharField(_("chỉ tiêu"), max_length=32, choices=TargetMeasure.choices)
    number = models.PositiveIntegerField(_("số cần đạt"))
    reported = models.PositiveIntegerField(
        _("kết quả đã công bố"),
        null=True,
        blank=True,
        help_text=_(
            "Chỉ khi trang không tự đếm được cho năm đã qua (làng du lịch): kết quả "
            "trong báo cáo tổng kết của năm đó. Để trống nếu chưa có."
        ),
    )

    panels = [
        FieldPanel("deadline_year"),
        FieldPanel("measure"),
        FieldPanel("number"),
        FieldPanel("reported"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")


# The city plan of 31/5/2019 (Kế hoạch OCOP 2019–2020, UBND TP Cần Thơ): by 2020, 20
# products, 20 economic organisations, 3 tourism villages; by 2030, 40 products in all,
# at least 5 national 5★, 1 cultural tourism village and 5 tourism villages.
CITY_PLAN_2019 = (
    (2020, TargetMeasure.PRODUCTS, 20),
    (2020, TargetMeasure.ORGANISATIONS, 20),
    (2020, TargetMeasure.TOURISM_VILLAGES, 3),
    (2030, TargetMeasure.PRODUCTS, 40),
    (2030, TargetMeasure.FIVE_STAR, 5),
    (2030, TargetMeasure.CULTURAL_VILLAGES, 1),
    (2030, TargetMeasure.TOURISM_VILLAGES, 5),
)


def city_plan_targets():
    """Unsaved targets of the 2019 city plan, for a new programme page."""
    return [
        ProgrammeTarget(deadline_year=year, measure=measure, number=number, sort_order=i)
        for i, (year, measure, number) in enumerate(CITY_PLAN_2019)
    ]
