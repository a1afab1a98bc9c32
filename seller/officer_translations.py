"""Officers' list of products and experiences that lack English, and the form to write it.

What counts as missing is decided once, in ``catalogue.translation``; this page only
lists it, counted by kind, with a link to translate each one."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from oscar.core.loading import get_model

import params
from catalogue import reference
from catalogue.translation import untranslated_condition

from .access import OfficerRequiredMixin
from .forms import TranslationForm, description_to_html, description_to_text

Product = get_model("catalogue", "Product")

PAGE_SIZE = 50
EXPERIENCES = "trai-nghiem"
GOODS = "san-pham"
KINDS = {GOODS: reference.GOODS["slug"], EXPERIENCES: reference.EXPERIENCE["slug"]}


def _counts():
    """Per kind: how many lack English, of how many (one query)."""
    missing = untranslated_condition()
    rows = (
        Product.objects.exclude(structure="child")
        .values("product_class__slug")
        .annotate(total=Count("pk"), missing=Count("pk", filter=missing))
    )
    by_class = {row["product_class__slug"]: row for row in rows}
    return {
        name: {
            "total": by_class.get(KINDS[kind], {}).get("total", 0),
            "missing": by_class.get(KINDS[kind], {}).get("missing", 0),
        }
        for name, kind in (("goods", GOODS), ("experiences", EXPERIENCES))
    }


class TranslationsView(OfficerRequiredMixin, View):
    def get(self, request):
        kind = params.choice(request.GET, "loai", set(KINDS))
        products = (
            Product.objects.filter(untranslated_condition())
            .select_related("product_class")
            .prefetch_related("stockrecords__partner")
            # What shoppers see now comes first.
            .order_by("-is_public", "title", "pk")
        )
        if kind:
            products = products.filter(product_class__slug=KINDS[kind])
        page = Paginator(products, PAGE_SIZE).get_page(
            params.integer(request.GET, "trang", default=1, minimum=1)
        )
        return render(
            request,
            "seller/officer/translations.html",
            {"page": page, "kind": kind, "counts": _counts()},
        )


class TranslationEditView(OfficerRequiredMixin, View):
    def setup_product(self, pk):
        self.product = get_object_or_404(Product.objects.exclude(structure="child"), pk=pk)

    def render(self, form):
        return render(
            self.request,
            "seller/officer/translation_edit.html",
            {"form": form, "product": self.product},
            status=400 if form.errors else 200,
        )

    def get(self, request, pk):
        self.setup_product(pk)
        return self.render(
            TranslationForm(
                initial={
                    "title_en": self.product.title_en,
                    "description_en": description_to_text(self.product.description_en),
                }
            )
        )

    def post(self, request, pk):
        self.setup_product(pk)
        form = TranslationForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        self.product.title_en = form.cleaned_data["title_en"]
        self.product.description_en = description_to_html(form.cleaned_data["description_en"])
        self.product.save(update_fields=["title_en", "description_en", "date_updated"])
        messages.success(
            request, _("Đã lưu bản tiếng Anh của “%(title)s”.") % {"title": self.product.title}
        )
        return redirect("seller:officer-translations")
