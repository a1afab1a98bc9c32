"""Trigram indexes for the catalogue's LIKE '%word%' search, on PostgreSQL only.

SQLite has no such index and needs none at the sizes it serves; the migration does
nothing there. pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+),
so the database owner may create it.
"""

from django.db import migrations

INDEXES = {
    "catalogue_product_search_text_trgm": "search_text",
    "catalogue_product_search_title_trgm": "search_title",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON catalogue_product "
            f"USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0034_product_search_text")]

    operations = [migrations.RunPython(create, drop)]
