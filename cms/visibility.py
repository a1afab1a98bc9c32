"""Which pages an anonymous visitor may see, decided inside the query that lists them.

Wagtail's ``PageQuerySet.public()`` first reads every view restriction (one query per
call); a page listing several kinds of pages paid it once per kind. Here the same rule —
a page is private when it or an ancestor carries a restriction — is a subquery.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(pages):
    """``pages`` without those in a private section, in the same query."""
    restricted_here_or_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted_here_or_above))
