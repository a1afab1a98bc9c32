"""Reference data checkout needs: Vietnam as the one country the shop delivers to."""

from oscar.core.loading import get_model

Country = get_model("address", "Country")


def ensure_vietnam():
    """Create (or repair) the Country row for Vietnam; safe to call any number of times."""
    country, _created = Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Cộng hòa Xã hội Chủ nghĩa Việt Nam",
            "is_shipping_country": True,
        },
    )
    return country
