"""The site's public address, from one setting (``SITE_URL``) rather than a database row.

Emails and sitemaps need absolute links outside any request. Django's ``Site`` row and
Wagtail's default site are brought in line with ``SITE_URL`` after every migration, so a
deployment links to its own domain without anybody editing rows by hand.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_address():
    """(scheme, host, port) of ``SITE_URL``; the port is the scheme's default when unset."""
    parts = urlsplit(settings.SITE_URL)
    scheme = parts.scheme or "https"
    return scheme, parts.hostname or "localhost", parts.port or (443 if scheme == "https" else 80)


def sync_site_from_settings(**_signal_kwargs):
    from django.contrib.sites.models import Site as DjangoSite
    from wagtail.models import Site

    scheme, host, port = site_address()
    default_port = 443 if scheme == "https" else 80
    domain = host if port == default_port else f"{host}:{port}"
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.WAGTAIL_SITE_NAME}
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (host, port):
        if not Site.objects.filter(hostname=host, port=port).exclude(pk=site.pk).exists():
            site.hostname, site.port = host, port
            site.save(update_fields=["hostname", "port"])
