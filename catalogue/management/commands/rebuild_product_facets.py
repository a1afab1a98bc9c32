"""Rewrite every product's browsing row (``ProductFacets``) from the catalogue.

Signals keep the rows in step with every change made through the ORM; this is for data
loaded around them (raw SQL, restores), then PostgreSQL's statistics are refreshed so
listings are planned on the new rows.
"""

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from oscar.core.loading import get_model

from catalogue import facet_index
from catalogue.facets import refresh_facets


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def handle(self, *args, **options):
        ProductFacets = get_model("catalogue", "ProductFacets")
        with transaction.atomic():
            refresh_facets()
            # Rows may also have gone: every process builds its facet bitmaps anew.
            facet_index.touch_rebuild()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {ProductFacets._meta.db_table}")
        self.stdout.write(f"{ProductFacets.objects.count()} browsing rows rebuilt")
