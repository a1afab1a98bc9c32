"""Requests as they reach the app behind the production proxy, with the production
settings that read them."""

import importlib
import sys

from config import env as E

PROXY = "10.0.0.2"  # nginx, as the app sees every request arrive


def production_settings(monkeypatch, proxy_count=1):
    """The IPWARE_* and AXES_* values config.settings.production computes for this many
    proxies, imported afresh with the variables it refuses to start without; for
    ``override_settings``."""
    for name, value in [
        ("SECRET_KEY", "test-production-settings"),
        ("ALLOWED_HOSTS", ["shop.example.vn"]),
        ("DATABASE_URL", "postgres://unused/ocop"),
        ("SITE_URL", "https://shop.example.vn"),
        ("TRUSTED_PROXY_COUNT", proxy_count),
    ]:
        monkeypatch.setattr(E, name, value)
    sys.modules.pop("config.settings.production", None)
    try:
        module = importlib.import_module("config.settings.production")
    finally:
        sys.modules.pop("config.settings.production", None)
    return {
        name: getattr(module, name) for name in dir(module) if name.startswith(("IPWARE_", "AXES_"))
    }


def through_nginx(client_ip, sent_by_client=None):
    """The request headers nginx's `$proxy_add_x_forwarded_for` gives the app: whatever
    the client sent, then the address nginx was reached from."""
    forwarded = f"{sent_by_client}, {client_ip}" if sent_by_client else client_ip
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}
