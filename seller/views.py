"""The producer's seller area: a phone-first way to keep listings, stock and contact
details up to date. Every object is reached through ``seller.access``."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from oscar.core.loading import get_model

import params

from .access import (
    SellerRequiredMixin,
    image_or_404,
    products_with_images,
    stockrecord_or_404,
    stockrecords_of,
)
from .forms import ListingForm, NewProductForm, PhotoForm, ProfileForm, description_to_text
from .listings import (
    StockBelowReserved,
    add_photo,
    create_product,
    listing_for,
    move_photo,
    save_listing,
)
from .models import ListingStatus

OcopCertificate = get_model("catalogue", "OcopCertificate")
Line = get_model("order", "Line")

LOW_STOCK = 5


def _rows(stockrecords):
    """(stockrecord, listing) pairs with the listing defaulted for older products."""
    return [(sr, listing_for(sr.product)) for sr in stockrecords]


class HomeView(SellerRequiredMixin, View):
    def get(self, request):
        stockrecords = list(products_with_images(stockrecords_of(request.user)))
        rows = _rows(stockrecords)
        today = timezone.localdate()
        lines_today = Line.objects.filter(partner__in=self.partners, order__date_placed__date=today)
        expiring = (
            OcopCertificate.objects.expiring_within(30)
            .filter(product__stockrecords__partner__in=self.partners)
            .select_related("product")
            .distinct()
        )
        context = {
            "partner": self.partner,
            "counts": {
                "on_sale": sum(1 for sr, _listing in rows if sr.product.is_public),
                "pending": sum(1 for _sr, li in rows if li.status == ListingStatus.PENDING),
                "out_of_stock": sum(1 for sr, _li in rows if (sr.net_stock_level or 0) <= 0),
                "order_lines_today": lines_today.count(),
            },
            "low_stock": [sr for sr, _li in rows if (sr.net_stock_level or 0) < LOW_STOCK][:6],
            "rejected": [(sr, li) for sr, li in rows if li.status == ListingStatus.REJECTED],
            "expiring": expiring,
        }
        return render(request, "seller/home.html", context)


class ProductListView(SellerRequiredMixin, View):
    def get(self, request):
        rows = _rows(products_with_images(stockrecords_of(request.user)))
        return render(request, "seller/product_list.html", {"rows": rows})


class ProductEditView(SellerRequiredMixin, View):
    def setup_objects(self, pk):
        self.stockrecord = stockrecord_or_404(self.request.user, pk)
        self.product = self.stockrecord.product
        self.listing = listing_for(self.product)

    def form(self, data=None):
        initial = {
            "title": self.product.title,
            "description": description_to_text(self.product.description),
            "title_en": self.product.title_en,
            "description_en": description_to_text(self.product.description_en),
            "price": int(self.stockrecord.price) if self.stockrecord.price is not None else None,
            "num_in_stock": self.stockrecord.num_in_stock,
            "stock_seen": self.stockrecord.num_in_stock,
            "on_sale": self.listing.on_sale,
        }
        return ListingForm(data, initial=initial, allocated=self.stockrecord.num_allocated)

    def render(self, form, photo_form=None):
        return render(
            self.request,
            "seller/product_edit.html",
            {
                "form": form,
                "photo_form": photo_form or PhotoForm(),
                "stockrecord": self.stockrecord,
                "product": self.product,
                "listing": self.listing,
                "images": self.product.images.order_by("display_order", "pk"),
                "certificate": self.product.current_certificate,
            },
            status=400 if form.errors or (photo_form and photo_form.errors) else 200,
        )

    def get(self, request, pk):
        self.setup_objects(pk)
        return self.render(self.form())

    def post(self, request, pk):
        self.setup_objects(pk)
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            save_listing(request.user, self.stockrecord, form.cleaned_data)
        except StockBelowReserved as error:  # orders reserved more while the form was open
            form.add_error("num_in_stock", error)
            return self.render(form)
        messages.success(request, _("Đã lưu “%(title)s”.") % {"title": self.product.title})
        return redirect("seller:product-edit", pk=self.product.pk)


class PhotoUploadView(ProductEditView):
    def get(self, request, pk):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, pk):
        self.setup_objects(pk)
        photo_form = PhotoForm(request.POST, request.FILES, existing=self.product.images.count())
        if not photo_form.is_valid():
            return self.render(self.form(), photo_form)
        add_photo(self.product, photo_form.cleaned_data["photo"])
        messages.success(request, _("Đã thêm ảnh."))
        return redirect(reverse("seller:product-edit", args=[self.product.pk]) + "#anh")


class PhotoActionView(SellerRequiredMixin, View):
    """Move a photo up or down, or remove it (POST only)."""

    def post(self, request, pk, image_pk):
        image = image_or_404(request.user, pk, image_pk)
        action = params.choice(request.POST, "action", {"up", "down", "delete"})
        if action == "up":
            move_photo(image, -1)
        elif action == "down":
            move_photo(image, 1)
        elif action == "delete":
            image.delete()
            messages.success(request, _("Đã xóa ảnh."))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
        return redirect(reverse("seller:product-edit", args=[pk]) + "#anh")


class ProductCreateView(SellerRequiredMixin, View):
    def get(self, request):
        return render(request, "seller/product_add.html", {"form": NewProductForm()})

    def post(self, request):
        form = NewProductForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, "seller/product_add.html", {"form": form}, status=400)
        product = create_product(request.user, self.partner, form.cleaned_data)
        messages.success(
            request,
            _(
                "Đã gửi “%(title)s” để cán bộ OCOP duyệt. "
                "Sản phẩm sẽ hiện trên cửa hàng sau khi được duyệt."
            )
            % {"title": product.title},
        )
        return redirect("seller:product-edit", pk=product.pk)


class ProfileView(SellerRequiredMixin, View):
    def render(self, form, status=200):
        return render(
            self.request,
            "seller/profile.html",
            {
                "form": form,
                "partner": self.partner,
                "team": self.partner.users.order_by("email"),
            },
            status=status,
        )

    def get(self, request):
        return self.render(ProfileForm(instance=self.partner))

    def post(self, request):
        form = ProfileForm(request.POST, instance=self.partner)
        if not form.is_valid():
            return self.render(form, status=400)
        form.save()
        messages.success(request, _("Đã lưu hồ sơ."))
        return redirect("seller:profile")


class AcceptInvitationView(auth_views.PasswordResetConfirmView):
    """An invited user sets a password (Django's reset token; Django's validators)."""

    template_name = "seller/set_password.html"
    success_url = reverse_lazy("seller:home")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    title = gettext_lazy("Đặt mật khẩu")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Đã đặt mật khẩu. Chào mừng bạn đến khu người bán."))
        return response
