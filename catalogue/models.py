from functools import cached_property

from django.db import models
from django.db.models import Value
from django.utils.html import strip_tags
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
        """Annotate what a product card reads for a day (today by default): the OCOP
        rating and whether the product is for sale (see ``catalogue.availability``)."""
        from .availability import annotate_for_sale

        return annotate_for_sale(annotate_rating(self, on), on)

    def for_sale(self, on=None):
        """Products the shop sells on a day: the one rule of ``catalogue.availability``."""
        from .availability import for_sale_condition

        return self.filter(for_sale_condition(on))

    def browsable(self):
        """What shoppers can browse: Oscar's canonical public products that are for sale.

        Marked ``ocop_for_sale`` so the strategy asks nothing more of what it returns."""
        return super().browsable().for_sale().annotate(ocop_for_sale=Value(True))

    def promotable(self, on=None):
        """For sale and not carrying a lapsed certificate: what pages may promote."""
        from .availability import lapsed_condition

        return self.for_sale(on).exclude(lapsed_condition(on))

    def certified(self, on=None):
        return self.with_rating(on).filter(ocop_stars__isnull=False)


class Product(AbstractProduct):
    """A product on sale, or an experience (of its own product class) to book.

    Its OCOP rating comes from its certificates (see ``catalogue.certification``); today's
    is also kept on the product for browsing (``rating_*``, see ``catalogue.ratings``).
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

    # English for tourists; blank means "not yet translated" and pages fall back to the
    # Vietnamese, marked as such (catalogue.translation). Category.name_en is the model.
    title_en = models.CharField(
        _("tên tiếng Anh"),
        max_length=255,
        blank=True,
        help_text=_("Tên sản phẩm cho khách đọc tiếng Anh. Để trống nếu chưa dịch."),
    )
    description_en = models.TextField(
        _("mô tả tiếng Anh"),
        blank=True,
        help_text=_("Mô tả cho khách đọc tiếng Anh. Để trống nếu chưa dịch."),
    )

    # Folded copies (lowercase, no diacritics) kept by catalogue.search_sync so that
    # "banh trang" finds "Bánh tráng" on any database; see catalogue.search.
    search_title = models.CharField(max_length=255, blank=True, default="", editable=False)
    search_text = models.TextField(blank=True, default="", editable=False)

    # Today's OCOP rating as the certificates give it, kept by catalogue.ratings so that
    # filters, facets and sorting read indexed columns.
    rating_stars = models.PositiveSmallIntegerField(
        _("hạng sao hiện tại"), null=True, blank=True, editable=False, db_index=True
    )
    rating_certified_on = models.DateField(null=True, blank=True, editable=False)
    rating_blocks_sale = models.BooleanField(default=False, editable=False)
    rating_lapsed = models.BooleanField(default=False, editable=False)
    rating_changes_on = models.DateField(null=True, blank=True, editable=False, db_index=True)

    objects = ProductQuerySet.as_manager()

    RATING_FIELDS = frozenset(
        ["rating_stars", "rating_certified_on", "rating_blocks_sale", "rating_lapsed"]
        + ["rating_changes_on"]
    )

    def save(self, *args, **kwargs):
        # The rating columns are written by catalogue.ratings alone: a product loaded
        # before its certificates changed must not write its old rating back.
        if not self._state.adding and not args and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.RATING_FIELDS
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # Oscar's, without walking the URL resolver for each of a listing's cards.
        from .links import product_url

        return product_url(self)

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

    @property
    def display_title(self):
        """The title in the active language (plain text; Vietnamese where untranslated).
        Pages mark the fallback with ``{{ product|shown_title }}`` (catalogue_i18n)."""
        from .translation import shown_title

        return shown_title(self).text

    @property
    def display_description(self):
        """The description (HTML) in the active language, Vietnamese where untranslated."""
        from .translation import shown_description

        return shown_description(self).text

    def get_meta_title(self):
        # Oscar's meta title and description are written in Vietnamese: other languages
        # get the product's own words in that language instead.
        from .translation import SOURCE_LANGUAGE, reader_language

        if reader_language() == SOURCE_LANGUAGE:
            return super().get_meta_title()
        return self.display_title

    def get_meta_description(self):
        from .translation import SOURCE_LANGUAGE, reader_language

        if reader_language() == SOURCE_LANGUAGE:
            return super().get_meta_description()
        return strip_tags(self.display_description)


class ProductFacets(models.Model):
    """What browsing filters and counts a product by, in one narrow row per product,
    kept by ``catalogue.facets`` wherever the product, its stock records, producers,
    groups, listing or rating change. Listings read this table alone, so their facet
    counts and pages cost one pass over small rows (and index reads) whatever the
    catalogue's size; a change locks only its own product's row.

    The multi-valued parts are stored as keys of sorted values between bars
    (``"|a|b|"``): a filter is a ``LIKE`` and a count is a GROUP BY on the key, split in
    Python, on any database.
    """

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="facets"
    )
    # Browsable (public, canonical, for sale today) and offered by a producer.
    offered = models.BooleanField(default=False)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)
    # Paths of the product's own categories: "|00010002|0003|".
    category_paths = models.CharField(max_length=1000, blank=True, default="")
    # Its producers' communes and kinds, and its stock records' price bands.
    communes = models.CharField(max_length=255, blank=True, default="")
    kinds = models.CharField(max_length=255, blank=True, default="")
    price_bands = models.CharField(max_length=255, blank=True, default="")
    # The lowest price of its stock records, for sorting by price.
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    # Oscar's purchase counter (``ProductRecord.num_purchases``), for the default and
    # best-selling orders. Oscar bumps it with UPDATE … SET n = n + 1, which sends no
    # signal, so database triggers (migration 0041) copy it here.
    purchases = models.PositiveIntegerField(default=0)
    # When the row was last written: the facet bitmaps (``catalogue.facet_index``) read
    # the rows written since they last looked (``catalogue.facets`` sets it). The
    # purchase counter's triggers leave it.
    changed_at = models.DateTimeField(null=True, db_index=True)

    class Meta:
        app_label = "catalogue"
        # Its PostgreSQL indexes (partial, NULLS LAST) are made by migration 0041.

    def __str__(self):
        return f"facets of product {self.product_id}"


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

    # What catalogue.product_images made of the current original, recorded by its task.
    renditions = models.JSONField(default=dict, blank=True, editable=False)

    def clean(self):
        super().clean()
        from uploads.stored import clean_unsaved_file

        clean_unsaved_file(self, "original")


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403
