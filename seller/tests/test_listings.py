"""Producers keep their listings; officers approve; every change lands in the audit trail."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry, AuditKind
from catalogue.models import Category, Product
from seller.models import Listing, ListingStatus

from .factories import image_upload


def edit(client, product, **changes):
    data = {
        "title": product.title,
        "description": "Bánh tráng làm tay",
        "price": "45000",
        "num_in_stock": "20",
        "on_sale": "on",
    }
    data.update(changes)
    return client.post(reverse("seller:product-edit", args=[product.pk]), data)


def test_price_and_stock_change_is_saved_and_audited(client, producer_a):
    user, partner, product = producer_a
    client.force_login(user)

    response = edit(client, product, price="52000", num_in_stock="7")

    assert response.status_code == 302
    stockrecord = product.stockrecords.get()
    assert (stockrecord.price, stockrecord.num_in_stock) == (Decimal("52000"), 7)
    entries = list(
        AuditEntry.objects.order_by("kind").values_list(
            "kind", "actor__email", "old_value", "new_value", "partner__name"
        )
    )
    assert entries == [
        (AuditKind.PRICE, "a@example.vn", "45.000\xa0₫", "52.000\xa0₫", partner.name),
        (AuditKind.STOCK, "a@example.vn", "20", "7", partner.name),
    ]


def test_description_is_stored_as_escaped_paragraphs(client, producer_a):
    user, _partner, product = producer_a
    client.force_login(user)

    edit(client, product, description="Giòn <b>thơm</b>\n\nKhông phẩm màu")

    product.refresh_from_db()
    assert product.description == "<p>Giòn &lt;b&gt;thơm&lt;/b&gt;</p>\n\n<p>Không phẩm màu</p>"
    page = client.get(reverse("seller:product-edit", args=[product.pk]))
    assert page.context["form"].initial["description"] == "Giòn <b>thơm</b>\n\nKhông phẩm màu"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"price": "500"}, "Giá tối thiểu là 1.000 đồng."),
        ({"price": "abc"}, "Nhập giá bằng số, ví dụ 45000."),
        ({"num_in_stock": "-1"}, "Số lượng không thể âm."),
        ({"title": ""}, "Hãy nhập tên sản phẩm."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_changes(
    client, producer_a, changes, message
):
    user, _partner, product = producer_a
    client.force_login(user)

    response = edit(client, product, **changes)

    assert response.status_code == 400
    assert message in response.content.decode()
    stockrecord = product.stockrecords.get()
    assert (stockrecord.price, stockrecord.num_in_stock) == (Decimal("45000"), 20)
    assert AuditEntry.objects.count() == 0


def test_pausing_a_product_hides_it_and_is_audited(client, producer_a):
    user, _partner, product = producer_a
    client.force_login(user)

    edit(client, product, on_sale="")

    product.refresh_from_db()
    assert product.is_public is False
    assert Listing.objects.get(product=product).status == ListingStatus.APPROVED
    assert AuditEntry.objects.get().kind == AuditKind.AVAILABILITY
    assert client.get(product.get_absolute_url()).status_code == 404


class TestApprovalFlow:
    def add(self, client, title="Mứt mãng cầu"):
        return client.post(
            reverse("seller:product-add"),
            {
                "title": title,
                "category": Category.objects.get(code="1").pk,
                "description": "Mứt dẻo",
                "price": "60000",
                "num_in_stock": "15",
            },
        )

    def test_new_product_is_hidden_until_an_officer_approves(self, client, producer_a, officer):
        user, partner, _product = producer_a
        client.force_login(user)
        assert self.add(client).status_code == 302
        product = Product.objects.get(title="Mứt mãng cầu")
        url = product.get_absolute_url()

        client.logout()
        assert product.is_public is False
        assert client.get(url).status_code == 404
        catalogue = client.get(reverse("catalogue:index")).content.decode()
        assert "Mứt mãng cầu" not in catalogue

        client.force_login(officer)
        approvals = client.get(reverse("seller:officer-approvals")).content.decode()
        assert "Mứt mãng cầu" in approvals
        response = client.post(
            reverse("seller:officer-review", args=[product.pk]), {"decision": "approve"}
        )
        assert response.status_code == 302

        client.logout()
        product.refresh_from_db()
        assert product.is_public is True
        assert client.get(url).status_code == 200
        entry = AuditEntry.objects.get(kind=AuditKind.APPROVAL)
        assert (entry.actor, entry.old_value, entry.new_value) == (officer, "Chờ duyệt", "Đã duyệt")

    def test_refusal_needs_a_note_returns_to_the_producer_and_editing_resubmits(
        self, client, producer_a, officer
    ):
        user, _partner, _product = producer_a
        client.force_login(user)
        self.add(client)
        product = Product.objects.get(title="Mứt mãng cầu")

        client.force_login(officer)
        review = reverse("seller:officer-review", args=[product.pk])
        assert client.post(review, {"decision": "reject"}).status_code == 400
        assert Listing.objects.get(product=product).status == ListingStatus.PENDING
        client.post(review, {"decision": "reject", "note": "Thiếu ảnh bao bì"})
        assert Listing.objects.get(product=product).status == ListingStatus.REJECTED

        client.force_login(user)
        assert "Thiếu ảnh bao bì" in client.get(reverse("seller:home")).content.decode()
        edit(client, product, title="Mứt mãng cầu")
        product.refresh_from_db()
        assert Listing.objects.get(product=product).status == ListingStatus.PENDING
        assert product.is_public is False


class TestPhotos:
    def upload(self, client, product, upload):
        return client.post(reverse("seller:photo-upload", args=[product.pk]), {"photo": upload})

    def test_upload_reorder_and_remove(self, client, producer_a):
        user, _partner, product = producer_a
        client.force_login(user)
        for color in [(255, 0, 0), (0, 255, 0), (0, 0, 255)]:
            assert self.upload(client, product, image_upload(color=color)).status_code == 302
        first, second, third = product.images.order_by("display_order")

        action = reverse("seller:photo-action", args=[product.pk, third.pk])
        client.post(action, {"action": "up"})
        assert list(product.images.order_by("display_order")) == [first, third, second]

        client.post(
            reverse("seller:photo-action", args=[product.pk, first.pk]), {"action": "delete"}
        )
        assert list(
            product.images.order_by("display_order").values_list("pk", "display_order")
        ) == [
            (third.pk, 0),
            (second.pk, 1),
        ]

    @pytest.mark.parametrize(
        ("upload", "message"),
        [
            (
                SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg"),
                "Tệp này không phải ảnh hoặc đã bị hỏng.",
            ),
            (image_upload("x.gif", fmt="GIF"), "Chỉ nhận ảnh JPG, PNG hoặc WEBP."),
            (image_upload(size=(120, 120)), "Ảnh quá nhỏ (120×120 điểm ảnh)."),
            (image_upload(size=(6001, 400)), "Ảnh quá lớn (6001×400 điểm ảnh)."),
            (
                SimpleUploadedFile("big.jpg", b"\xff" * (5 * 1024 * 1024 + 1), "image/jpeg"),
                "Ảnh quá lớn (5,0\xa0MB). Hãy chọn ảnh nhỏ hơn 5 MB.",
            ),
        ],
        ids=["not-image", "gif", "too-small", "too-wide", "too-heavy"],
    )
    def test_bad_files_are_refused_with_a_clear_message(self, client, producer_a, upload, message):
        user, _partner, product = producer_a
        client.force_login(user)

        response = self.upload(client, product, upload)

        assert response.status_code == 400
        assert message in response.content.decode()
        assert product.images.count() == 0


def test_profile_changes_contact_details_only(client, producer_a):
    user, partner, _product = producer_a
    client.force_login(user)

    response = client.post(
        reverse("seller:profile"),
        {
            "phone": "0939 123 456",
            "street_address": "12 Trần Hưng Đạo",
            "name": "Đổi tên",
            "kind": "dn",
            "commune_code": "31117",
        },
    )

    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.phone, partner.street_address) == ("0939 123 456", "12 Trần Hưng Đạo")
    assert (partner.name, partner.kind, partner.commune_code) == (
        "HTX Bánh tráng Thuận Hưng",
        "hkd",
        "",
    )


def test_officer_pages_render(client, producer_a, officer):
    client.force_login(officer)
    for name in [
        "officer-approvals",
        "officer-expiring",
        "officer-programme",
        "officer-audit",
        "officer-invite",
    ]:
        response = client.get(reverse(f"seller:{name}"))
        assert response.status_code == 200, name
        assert response.content.decode().count("<h1") == 1, name


def test_seller_pages_render_with_one_heading(client, producer_a):
    user, _partner, product = producer_a
    client.force_login(user)
    for url in [
        reverse("seller:home"),
        reverse("seller:products"),
        reverse("seller:product-add"),
        reverse("seller:product-edit", args=[product.pk]),
        reverse("seller:profile"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url
