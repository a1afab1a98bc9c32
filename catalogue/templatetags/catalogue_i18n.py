"""Product words in the reader's language: ``{% load catalogue_i18n %}``.

``{{ product|shown_title }}`` and ``{{ product|shown_description }}`` print the English
on English pages; where it is missing they print the Vietnamese inside ``lang="vi"``
with a short note, so screen readers pronounce it right and the reader knows why.
``product.display_title`` is the plain text for attributes, JSON and meta tags.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from catalogue.translation import shown_description as _shown_description
from catalogue.translation import shown_title as _shown_title
from experiences.choices import BOOKING_OPTION_CODE

register = template.Library()


@register.filter
def shown_title(product):
    if product is None:
        return ""
    shown = _shown_title(product)
    if not shown.untranslated:
        return shown.text
    # The space is inside the note: cards print no whitespace between tags (spaceless).
    return format_html(
        '<span lang="{}">{}</span><small class="translation-note" data-untranslated> ({})</small>',
        shown.lang,
        shown.text,
        _("chưa dịch"),
    )


@register.filter
def shown_description(product):
    """The description as HTML (descriptions are stored as cleaned HTML, as Oscar's)."""
    if product is None:
        return ""
    shown = _shown_description(product)
    if not shown.untranslated:
        return mark_safe(shown.text)  # noqa: S308 — stored HTML, as Oscar prints it
    return format_html(
        '<div lang="{}">{}</div><p class="translation-note" data-untranslated>{}</p>',
        shown.lang,
        mark_safe(shown.text),  # noqa: S308
        _("Chưa có bản dịch; đang hiện bản tiếng Việt."),
    )


@register.filter
def shown_line_description(line):
    """A basket line as Oscar's ``Line.description`` words it (the title, then the
    chosen options), with the title in the reader's language."""
    options = []
    for attribute in line.attributes.all():
        if attribute.option.code == BOOKING_OPTION_CODE:
            continue  # the booking's date and people are shown by its own partial
        value = attribute.value
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        options.append(format_html("{} = '{}'", attribute.option.name, value))
    title = shown_title(line.product)
    if not options:
        return title
    return format_html("{} ({})", title, mark_safe(", ".join(options)))  # noqa: S308 — escaped above
