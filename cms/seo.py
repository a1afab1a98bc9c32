"""What search engines and link previews (Zalo, Facebook) read about a page.

``meta()`` gives the canonical URL, its translations (hreflang, with x-default the
Vietnamese URL), title, description and sharing
image of whatever the template shows (a Wagtail page, a product or any other view);
the ``*_data`` functions give schema.org JSON-LD: Product with an Offer in VND,
Organization for producers, TouristAttraction for villages, BreadcrumbList.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

import places

SHARE_IMAGE = "fill-1200x630"
DESCRIPTION_WORDS = 30
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


@dataclass
class Meta:
    canonical: str
    title: str
    description: str
    image: str = ""
    type: str = "website"
    locale: str = "vi_VN"
    alternates: list = field(default_factory=list)


def _plain(text, words=DESCRIPTION_WORDS):
    return Truncator(" ".join(strip_tags(str(text or "")).split())).words(words)


def _image_of(obj):
    for name in ("image", "hero_image"):
        image = getattr(obj, name, None)
        if image is not None:
            return image
    return None


def page_url(request, page):
    """The page's absolute URL on the host the visitor used (and in the active language)."""
    return request.build_absolute_uri(page.get_url(request))


def page_alternates(request, page):
    """(language, absolute URL) of each live translation of a Wagtail page: the English
    tree has its own slugs, so a page's twin is its translation, not the same path."""
    from .locales import translation_urls

    urls = translation_urls(page, request)
    return [
        (code, request.build_absolute_uri(urls[code]))
        for code, _name in settings.LANGUAGES
        if code in urls
    ]


def wagtail_image_url(request, image, spec=SHARE_IMAGE):
    return request.build_absolute_uri(image.get_rendition(spec).url)


def meta(context):
    request = context["request"]
    page = context.get("page")
    product = context.get("product")
    default_description = _(
        "Sản phẩm OCOP được chứng nhận của thành phố Cần Thơ và các làng du lịch miền sông nước."
    )
    if product is not None and hasattr(product, "get_absolute_url"):
        canonical = request.build_absolute_uri(product.get_absolute_url())
        title = product.display_title
        description = _plain(product.display_description) or default_description
        primary = product.primary_image()
        image = (
            request.build_absolute_uri(primary.original.url) if getattr(primary, "pk", None) else ""
        )
        kind = "product"
    elif page is not None and hasattr(page, "get_full_url"):
        canonical = page_url(request, page)
        title = page.seo_title or page.title
        description = (
            page.search_description
            or _plain(getattr(page, "summary", "") or getattr(page, "intro", ""))
            or default_description
        )
        picture = _image_of(page)
        image = wagtail_image_url(request, picture) if picture is not None else ""
        kind = "article" if page.specific_class.__name__ == "NewsPage" else "website"
    else:
        canonical = request.build_absolute_uri(request.path)
        title = ""
        description = default_description
        image = ""
        kind = "website"
    if not image:
        image = request.build_absolute_uri(static("img/og-default.png"))
    if kind != "product" and page is not None and hasattr(page, "get_full_url"):
        alternates = page_alternates(request, page)
    else:
        alternates = [(code, translate_url(canonical, code)) for code, _name in settings.LANGUAGES]
    alternates += [("x-default", url) for code, url in alternates if code == settings.LANGUAGE_CODE]
    language = get_language() or settings.LANGUAGE_CODE
    return Meta(
        canonical=canonical,
        title=title or settings.WAGTAIL_SITE_NAME,
        description=description,
        image=image,
        type=kind,
        locale=OG_LOCALES.get(language, "vi_VN"),
        alternates=alternates,
    )


def to_script(data):
    """JSON for a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def breadcrumb_data(items):
    """items: [(name, absolute url)]."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": str(name), "item": url}
            for i, (name, url) in enumerate(items, start=1)
        ],
    }


def page_breadcrumbs(request, page):
    # The home page is its own trail: no query for it.
    ancestors = (
        [page] if page.depth <= 2 else list(page.get_ancestors().filter(depth__gte=2)) + [page]
    )
    return breadcrumb_data([(p.title, page_url(request, p)) for p in ancestors])


def product_breadcrumbs(request, product, group=None):
    from django.urls import reverse

    items = [
        (_("Trang chủ"), request.build_absolute_uri("/")),
        (_("Sản phẩm"), request.build_absolute_uri(reverse("catalogue:index"))),
    ]
    if group is not None:
        items += [
            (c.display_name, request.build_absolute_uri(c.get_absolute_url()))
            for c in group.get_ancestors_and_self()
        ]
    items.append((product.display_title, request.build_absolute_uri(product.get_absolute_url())))
    return breadcrumb_data(items)


def _address(partner):
    return {
        "@type": "PostalAddress",
        "streetAddress": partner.street_address,
        "addressLocality": places.ward_name(partner.commune_code),
        "addressRegion": places.province_name(places.CAN_THO),
        "addressCountry": "VN",
    }


def _geo(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(latitude), "longitude": float(longitude)}


def product_data(request, product, producer=None):
    """schema.org Product with an Offer in whole đồng, priced by the shop's strategy."""
    info = request.strategy.fetch_for_product(product)
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.display_title,
        "url": request.build_absolute_uri(product.get_absolute_url()),
        "description": _plain(product.display_description, 60),
        "sku": product.upc or str(product.pk),
    }
    primary = product.primary_image()
    if getattr(primary, "pk", None):
        data["image"] = request.build_absolute_uri(primary.original.url)
    if producer is not None:
        data["brand"] = {"@type": "Organization", "name": producer.name}
    label = getattr(product, "ocop_label", None)
    if label:
        data["award"] = str(label)
    if info.price.exists:
        amount = info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax
        available = info.availability.is_available_to_buy
        data["offers"] = {
            "@type": "Offer",
            "priceCurrency": "VND",
            "price": str(int(amount)),
            "availability": "https://schema.org/" + ("InStock" if available else "OutOfStock"),
            "url": data["url"],
        }
        if producer is not None:
            data["offers"]["seller"] = {"@type": "Organization", "name": producer.name}
    return data


def organization_data(request, page):
    partner = page.partner
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name if partner else page.title,
        "url": page_url(request, page),
        "description": page.search_description or page.summary,
    }
    if page.image is not None:
        data["image"] = wagtail_image_url(request, page.image)
    if partner is not None:
        data["address"] = _address(partner)
        if partner.phone:
            data["telephone"] = partner.phone
        geo = _geo(partner.latitude, partner.longitude)
        if geo:
            data["location"] = {"@type": "Place", "geo": geo, "address": _address(partner)}
    if page.email:
        data["email"] = page.email
    if page.website:
        data["sameAs"] = [page.website]
    return data


def attraction_data(request, page):
    data = {
        "@context": "https://schema.org",
        "@type": "TouristAttraction",
        "name": page.title,
        "url": page_url(request, page),
        "description": page.search_description or page.summary,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.commune_name,
            "addressRegion": places.province_name(places.CAN_THO),
            "addressCountry": "VN",
        },
    }
    if page.image is not None:
        data["image"] = wagtail_image_url(request, page.image)
    geo = _geo(page.latitude, page.longitude)
    if geo:
        data["geo"] = geo
    if page.opening_hours:
        data["openingHours"] = page.opening_hours
    return data
