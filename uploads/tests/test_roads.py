"""Each bad upload of issue 9 through every road that stores a file: what is accepted is
stored re-encoded under a generated name with no metadata; what is refused says why and
stores nothing."""

import io

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from catalogue.roles import ensure_groups

from . import samples

ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
WagtailImage = get_image_model()

NOT_AN_IMAGE = "Tệp này không phải ảnh hoặc đã bị hỏng."
TOO_LARGE = "Ảnh quá lớn. Tối đa 6000 điểm ảnh mỗi cạnh."
NOT_A_SCAN = "Bản quét phải là tệp PDF, hoặc ảnh JPG hoặc PNG."

# (sample, format stored) — accepted on every image road, whatever the name says.
ACCEPTED = [(samples.polyglot, "PNG", (400, 400)), (samples.gps_jpeg, "JPEG", (300, 400))]
# (sample, the refusal's message) on every image road.
REFUSED = [
    (samples.bomb, TOO_LARGE),
    (samples.svg, NOT_AN_IMAGE),
    (samples.html_as_png, NOT_AN_IMAGE),
]
ACCEPTED_IDS = ["polyglot-x.html", "gps-jpeg"]
REFUSED_IDS = ["bomb", "svg", "html-as-png"]


# --- Seller area: a producer adds a photo ------------------------------------------------


def _seller_upload(client, product, upload):
    return client.post(reverse("seller:photo-upload", args=[product.pk]), {"photo": upload})


@pytest.mark.parametrize(("sample", "fmt", "size"), ACCEPTED, ids=ACCEPTED_IDS)
def test_seller_photo_is_stored_clean(client, producer_a, media_root, sample, fmt, size):
    user, _partner, product = producer_a
    client.force_login(user)

    assert _seller_upload(client, product, sample()).status_code == 302

    stored = product.images.get().original
    assert samples.assert_clean_image(stored, fmt) == size
    assert stored.name.startswith("images/products/")
    samples.assert_nothing_runnable(media_root)


@pytest.mark.parametrize(("sample", "message"), REFUSED, ids=REFUSED_IDS)
def test_seller_photo_refusals_store_nothing(client, producer_a, media_root, sample, message):
    user, _partner, product = producer_a
    client.force_login(user)

    response = _seller_upload(client, product, sample())

    assert response.status_code == 400
    assert message in response.content.decode()
    assert product.images.count() == 0
    assert samples.stored_files(media_root) == []


def test_seller_bomb_says_too_large_in_english(client, producer_a, media_root):
    user, _partner, product = producer_a
    client.force_login(user)
    with translation.override("en"):
        url = reverse("seller:photo-upload", args=[product.pk])

    response = client.post(url, {"photo": samples.bomb()})

    assert url.startswith("/en/") and response.status_code == 400
    assert "The image is too large. At most 6000 pixels per side." in response.content.decode()
    assert samples.stored_files(media_root) == []


# --- Oscar's dashboard product image form, and code that skips every form ---------------


def _dashboard_form(product, upload):
    ProductImageForm = get_class("dashboard.catalogue.forms", "ProductImageForm")
    data = {"images-0-product": product.pk, "images-0-display_order": 0}
    return ProductImageForm(data=data, files={"images-0-original": upload}, prefix="images-0")


def test_dashboard_image_form_stores_the_clean_copy(producer_a, media_root):
    _user, _partner, product = producer_a
    form = _dashboard_form(product, samples.gps_jpeg())

    assert form.is_valid(), form.errors
    image = form.save()

    assert samples.assert_clean_image(image.original, "JPEG") == (300, 400)


@pytest.mark.parametrize(("sample", "message"), REFUSED, ids=REFUSED_IDS)
def test_dashboard_image_form_refuses(producer_a, media_root, sample, message):
    _user, _partner, product = producer_a
    form = _dashboard_form(product, sample())

    assert not form.is_valid()
    assert list(form.errors) == ["original"]
    assert ProductImage.objects.count() == 0
    assert samples.stored_files(media_root) == []


def test_model_save_without_any_form_still_stores_a_clean_copy(producer_a, media_root):
    _user, _partner, product = producer_a

    image = ProductImage.objects.create(product=product, original=samples.polyglot())

    samples.assert_clean_image(image.original, "PNG")
    samples.assert_nothing_runnable(media_root)


# --- Wagtail: an officer uploads an image ------------------------------------------------


@pytest.fixture
def wagtail_officer(client, reference):
    officers, _producers = ensure_groups()
    root = Collection.get_first_root_node()
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.get_or_create(
            group=officers,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )
    user = User.objects.create_user("canbo-anh@example.vn", "canbo-anh@example.vn", "x")
    user.groups.add(officers)
    client.force_login(user)
    return root


def _wagtail_add(client, root, upload):
    return client.post(
        reverse("wagtailimages:add"), {"title": "Ảnh", "file": upload, "collection": root.pk}
    )


def _wagtail_multiple(client, root, upload):
    return client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": upload, "collection": root.pk}
    ).json()


def _assert_wagtail_image_clean(image, fmt, size):
    assert samples.assert_clean_image(image.file, fmt) == size
    assert image.file.name.startswith("original_images/")
    assert (image.width, image.height) == size
    assert image.file_size == image.file.size
    rendition = image.get_rendition("fill-120x120")
    rendition.file.open("rb")
    with Image.open(io.BytesIO(rendition.file.read())) as thumbnail:
        assert not thumbnail.getexif() and not {"exif", "xmp", "comment"} & set(thumbnail.info)
    rendition.file.close()


@pytest.mark.parametrize(("sample", "fmt", "size"), ACCEPTED, ids=ACCEPTED_IDS)
def test_wagtail_add_stores_clean(client, wagtail_officer, media_root, sample, fmt, size):
    response = _wagtail_add(client, wagtail_officer, sample())

    assert response.status_code == 302
    _assert_wagtail_image_clean(WagtailImage.objects.get(), fmt, size)
    samples.assert_nothing_runnable(media_root)


@pytest.mark.parametrize(("sample", "fmt", "size"), ACCEPTED, ids=ACCEPTED_IDS)
def test_wagtail_multiple_upload_stores_clean(
    client, wagtail_officer, media_root, sample, fmt, size
):
    answer = _wagtail_multiple(client, wagtail_officer, sample())

    assert answer["success"] is True
    _assert_wagtail_image_clean(WagtailImage.objects.get(), fmt, size)
    samples.assert_nothing_runnable(media_root)


@pytest.mark.parametrize(("sample", "message"), REFUSED, ids=REFUSED_IDS)
def test_wagtail_refusals_store_nothing(client, wagtail_officer, media_root, sample, message):
    response = _wagtail_add(client, wagtail_officer, sample())
    answer = _wagtail_multiple(client, wagtail_officer, sample())

    assert response.status_code == 200
    assert message in response.content.decode()
    assert answer["success"] is False and message in answer["error_message"]
    assert WagtailImage.objects.count() == 0
    assert samples.stored_files(media_root) == []


# --- Wagtail: an officer records a certificate with its scan -----------------------------


CERTIFICATES = "/cms/ocop_certificates/new/"


@pytest.fixture
def certificate_officer(client, producer_a):
    officers, _producers = ensure_groups()
    user = User.objects.create_user("canbo-cn@example.vn", "canbo-cn@example.vn", "x")
    user.groups.add(officers)
    client.force_login(user)
    _user, _partner, product = producer_a
    return {
        "product": product.pk,
        "score": "92",
        "stars": "5",
        "level": "central",
        "issuing_body": "Bộ Nông nghiệp và Môi trường",
        "decision_number": "MẪU-77/QĐ-BNNMT",
        "decision_date": "2026-01-10",
    }


def test_pdf_scan_is_stored_as_it_is_under_a_generated_name(
    client, certificate_officer, media_root
):
    response = client.post(CERTIFICATES, {**certificate_officer, "scan": samples.pdf()})

    assert response.status_code == 302
    scan = OcopCertificate.objects.get().scan
    assert samples.GENERATED.match(scan.name.rsplit("/", 1)[1]) and scan.name.endswith(".pdf")
    assert scan.read() == samples.pdf_bytes()


@pytest.mark.parametrize(("sample", "fmt", "size"), ACCEPTED, ids=ACCEPTED_IDS)
def test_photographed_scan_is_stored_clean(
    client, certificate_officer, media_root, sample, fmt, size
):
    response = client.post(CERTIFICATES, {**certificate_officer, "scan": sample()})

    assert response.status_code == 302
    assert samples.assert_clean_image(OcopCertificate.objects.get().scan, fmt) == size
    samples.assert_nothing_runnable(media_root)


@pytest.mark.parametrize(
    ("sample", "message"),
    [
        (samples.pdf_with_html, NOT_A_SCAN),
        (samples.html_as_pdf, NOT_A_SCAN),
        (samples.svg, NOT_A_SCAN),
        (samples.html_as_png, NOT_A_SCAN),
        (samples.bomb, TOO_LARGE),
    ],
    ids=["pdf-with-html", "html-as-pdf", "svg", "html-as-png", "bomb"],
)
def test_scan_refusals_store_nothing(client, certificate_officer, media_root, sample, message):
    response = client.post(CERTIFICATES, {**certificate_officer, "scan": sample()})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert OcopCertificate.objects.count() == 0
    assert samples.stored_files(media_root) == []


def test_wagtail_upload_pages_render_with_the_site_field(client, wagtail_officer):
    for name in ("wagtailimages:add", "wagtailimages:add_multiple", "wagtailimages_chooser:create"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name


def test_wagtail_edit_replacing_the_file_stores_a_clean_copy(client, wagtail_officer, media_root):
    _wagtail_add(client, wagtail_officer, samples.png())
    image = WagtailImage.objects.get()
    first = image.file.name

    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Ảnh", "file": samples.gps_jpeg(), "collection": wagtail_officer.pk},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name != first
    _assert_wagtail_image_clean(image, "JPEG", (300, 400))


def test_wagtail_parked_multiple_upload_is_stored_clean(client, wagtail_officer, media_root):
    """When another field of the multiple upload fails, Wagtail parks the file itself."""
    from wagtail.models import UploadedFile

    answer = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": samples.polyglot(), "collection": wagtail_officer.pk, "title": ""},
    ).json()

    assert answer["success"] is True and "uploaded_file_id" in answer
    parked = UploadedFile.objects.get()
    samples.assert_clean_image(parked.file, "PNG")

    prefix = f"uploaded-image-{parked.pk}"
    client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[parked.pk]),
        {f"{prefix}-title": "Ảnh", f"{prefix}-collection": wagtail_officer.pk},
    )

    _assert_wagtail_image_clean(WagtailImage.objects.get(), "PNG", (400, 400))
    samples.assert_nothing_runnable(media_root)


def test_wagtail_edit_without_a_new_file_keeps_the_stored_one(client, wagtail_officer):
    _wagtail_add(client, wagtail_officer, samples.png())
    image = WagtailImage.objects.get()
    stored = (image.file.name, image.file_hash)

    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Ảnh vườn", "collection": wagtail_officer.pk},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.title, image.file.name, image.file_hash) == ("Ảnh vườn", *stored)
