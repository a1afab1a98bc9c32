from django.db import migrations

# A product made private by a bulk UPDATE (no signal, so catalogue.facets does not see
# it) leaves the listings at once: the database takes its browsing row out of them. The
# other way round (made public) waits for the next refresh of its row, which is safe:
# nothing is shown that is not for sale.
POSTGRESQL = [
    """
    CREATE FUNCTION catalogue_facets_hidden() RETURNS trigger AS $$
    BEGIN
        UPDATE catalogue_productfacets SET offered = false
        WHERE product_id = NEW.id AND offered;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER catalogue_facets_hidden AFTER UPDATE OF is_public ON catalogue_product
    FOR EACH ROW WHEN (NOT NEW.is_public) EXECUTE FUNCTION catalogue_facets_hidden()
    """,
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS catalogue_facets_hidden ON catalogue_product",
    "DROP FUNCTION IF EXISTS catalogue_facets_hidden()",
]
SQLITE = [
    """
    CREATE TRIGGER catalogue_facets_hidden AFTER UPDATE OF is_public ON catalogue_product
    WHEN NOT NEW.is_public
    BEGIN
        UPDATE catalogue_productfacets SET offered = 0 WHERE product_id = NEW.id;
    END
    """,
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS catalogue_facets_hidden"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0040_product_facets")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}),
        ),
    ]
