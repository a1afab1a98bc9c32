"""The trimmed Bootstrap (static/css/bootstrap.css) is what `make styles` writes today,
and keeps what a template uses while dropping what none does."""

import posixpath
import re

from django.contrib.staticfiles import finders

from cms.management.commands.trim_bootstrap import TARGET, trim, trimmed


def test_committed_file_is_up_to_date():
    # Fails after a template starts using a Bootstrap class: run `make styles`.
    assert TARGET.read_text() == trimmed()


def test_a_rule_stays_when_every_class_it_names_is_used():
    css = (
        ".btn{color:red}\n.btn.carousel{x:1}\n.card, .jumbotron{y:2}\n"
        "@media (min-width: 768px){.jumbotron{z:3}.btn{w:4}}\n"
        "a:not(.jumbotron){v:5}\n@keyframes spin{from{a:b}}"
    )

    assert trim(css, {"btn", "card"}) == (
        ".btn{color:red}\n.card{y:2}\n@media (min-width: 768px){.btn{w:4}}\n"
        "a:not(.jumbotron){v:5}\n@keyframes spin{from{a:b}}"
    )


def test_every_file_the_site_styles_name_exists():
    # collectstatic's hashed names (ManifestStaticFilesStorage) fail on a missing one.
    missing = []
    for sheet in TARGET.parent.glob("*.css"):
        for url in re.findall(r"url\(\s*[\"']?([^\"')]+)", sheet.read_text()):
            if url.startswith(("data:", "#", "http:", "https:")):
                continue
            name = posixpath.normpath(posixpath.join("css", url.split("?")[0].split("#")[0]))
            if finders.find(name) is None:
                missing.append(f"{sheet.name}: {url}")
    assert missing == []
