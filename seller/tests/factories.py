"""Producers with their accounts and products, built from Oscar's test factories."""

import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from oscar.test.factories import create_product
from PIL import Image

from catalogue.reference import load_product_classes, load_product_groups

User = get_user_model()
Partner = get_model("partner", "Partner")

PASSWORD = "Mat-khau-rat-kho-doan-2025"


def make_user(email, **extra):
    user = User.objects.create_user(username=email.split("@")[0], email=email, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_producer(name, email, title, price="45000", stock=20):
    """A producer with one user account and one public product on sale."""
    user = make_user(email)
    partner = Partner.objects.create(name=name, phone="0292 3812 345", street_address="Ấp 1")
    partner.users.add(user)
    product = create_product(title=title, product_class="Sản phẩm", is_public=True)
    product.stockrecords.create(
        partner=partner, partner_sku=f"{partner.pk}-1", price=Decimal(price), num_in_stock=stock
    )
    return user, partner, product


def load_reference():
    load_product_groups()
    load_product_classes()


def image_upload(name="anh.png", size=(400, 400), fmt="PNG", color=(31, 111, 67)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)
