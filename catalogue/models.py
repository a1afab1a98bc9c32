from functools import cached_property

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import (
    AbstractCategory,
    AbstractProduct,
    AbstractProductImage,
)
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet

from .certification import OcopCertificate, annotate_rating, star_label  # noqa: F401


class ProductQuerySet(OscarProductQuerySet):
    def with_rating(self, on=None):
        """Annotate each product's OCOP rating for a day (today by default)."""
        return annotate_rating(self, on)

    def certified(self, on=None):
        return self.with_rating(on).filter(ocop_stars__isnull=False)


class Product(AbstractProduct):
    """A product on sale, or an experience (of its own product class) to book.

    Its OCOP rating comes from its certificates (see ``catalogue.certification``).
    """

    traceability_code = models.CharField(
        _("mã truy xuất nguồn gốc"),
        max_length=64,
        blank=True,
        help_text=_("Mã trên tem truy xuất (QR) của sản phẩm, nếu có."),
    )
    traceability_url = models.URLField(
        _("liên kết truy xuất nguồn gốc"),
        blank=True,
        help_text=_("Trang kiểm tra mã trên cổng truy xuất (ví dụ check.cantho.gov.vn)."),
    )

    # Folded copies (lowercase, no diacritics) kept by catalogue.search_sync so that
    # "banh trang" finds "Bánh tráng" on any database; see catalogue.search.
    search_title = models.CharField(max_length=255, blank=True, default="", editable=False)
    search_text = models.TextField(blank=True, default="", editable=False)

    objects = ProductQuerySet.as_manager()

    @cached_property
    def current_certificate(self):
        """The certificate that gives the product its rating today, or None."""
        return self.certificates.certified().order_by("-stars", "-decision_date", "-pk").first()

    @property
    def ocop_rating(self):
        """Current stars (3–5) or None. Uses the ``ocop_stars`` annotation when present
        so lists cost no extra query."""
        if hasattr(self, "ocop_stars"):
            return self.ocop_stars
        cert = self.current_certificate
        return cert.stars if cert else None

    @property
    def ocop_label(self):
        return star_label(self.ocop_rating) if self.ocop_rating else ""


class Category(AbstractCategory):
    """An OCOP product group or subgroup (Decision 148/QĐ-TTg), as data."""

    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)

    @property
    def display_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class ProductImage(AbstractProductImage):
    """A product photo. Oscar's dashboard form reaches ``clean()``; the seller area checks
    in its own form; every road stores the re-encoded copy (``uploads.stored``)."""

    def clean(self):
        super().clean()
        from uploads.stored import clean_unsaved_file

        clean_unsaved_file(self, "original")


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403
