from django.db import models
from django.utils.translation import gettext_lazy as _


class VillageKind(models.TextChoices):
    TOURISM = "tourism", _("Làng du lịch gắn với sản phẩm địa phương")
    CULTURAL = "cultural", _("Làng văn hóa du lịch")
    CRAFT = "craft", _("Làng nghề")
    COMMUNITY = "community", _("Điểm du lịch cộng đồng, sinh thái")
