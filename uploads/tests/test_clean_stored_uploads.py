"""Files stored before every upload was re-encoded are cleaned once, by a command."""

import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from oscar.core.loading import get_model
from wagtail.images import get_image_model

from . import samples

ProductImage = get_model("catalogue", "ProductImage")
OcopCertificate = get_model("catalogue", "OcopCertificate")
WagtailImage = get_image_model()


def _legacy(name, sample):
    """A file stored as it was uploaded, under its uploader's name, as before issue 9."""
    return default_storage.save(name, ContentFile(sample().read()))


def _run(*args):
    out = io.StringIO()
    call_command("clean_stored_uploads", *args, stdout=out)
    return out.getvalue()


def test_legacy_uploads_are_stored_again_clean_and_the_old_files_go(
    producer_a, media_root, django_capture_on_commit_callbacks
):
    _user, _partner, product = producer_a
    photo = ProductImage.objects.create(
        product=product, original=_legacy("images/products/2025/x.html", samples.polyglot)
    )
    picture = WagtailImage.objects.create(
        title="Vườn", file=_legacy("original_images/vuon.jpg", samples.gps_jpeg)
    )
    picture.get_rendition("fill-120x120")
    legacy = {photo.original.name, picture.file.name}

    with django_capture_on_commit_callbacks(execute=True):
        output = _run()

    photo.refresh_from_db()
    picture.refresh_from_db()
    samples.assert_clean_image(photo.original, "PNG")
    assert samples.assert_clean_image(picture.file, "JPEG") == (300, 400)
    assert picture.file_size == picture.file.size and picture.renditions.count() == 0
    assert not any(default_storage.exists(name) for name in legacy)
    samples.assert_nothing_runnable(media_root)
    assert output.endswith("2 cleaned, 0 left as is\n")
    assert _run().endswith("0 cleaned, 0 left as is\n")  # once is enough


def test_a_legacy_scan_that_is_not_a_scan_is_reported_and_left(producer_a, media_root):
    import datetime as dt

    _user, _partner, product = producer_a
    certificate = OcopCertificate.objects.create(
        product=product,
        score=92,
        stars=5,
        level="central",
        issuing_body="Bộ Nông nghiệp và Môi trường",
        decision_number="MẪU-77/QĐ-BNNMT",
        decision_date=dt.date(2026, 1, 10),
        scan=_legacy("ocop/certificates/2025/qd.pdf", samples.html_as_pdf),
    )

    dry = _run("--dry-run")
    output = _run()

    certificate.refresh_from_db()
    assert certificate.scan.name == "ocop/certificates/2025/qd.pdf"
    assert "left as is: ocop/certificates/2025/qd.pdf: Bản quét phải là tệp PDF" in output
    assert dry.endswith("0 cleaned, 1 left as is\n") and output.endswith(
        "0 cleaned, 1 left as is\n"
    )


def test_dry_run_changes_nothing(producer_a, media_root):
    _user, _partner, product = producer_a
    name = _legacy("images/products/2025/x.html", samples.polyglot)
    photo = ProductImage.objects.create(product=product, original=name)

    output = _run("--dry-run")

    photo.refresh_from_db()
    assert photo.original.name == name and default_storage.exists(name)
    assert f"would clean: {name}" in output
