from django.db import migrations, models

# The browsing rows are stamped when written (catalogue.facet_index reads the rows
# written since it last looked), and a row the database takes out of the listings (a
# product made private by a bulk UPDATE, migration 0041) is stamped too.
POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION catalogue_facets_hidden() RETURNS trigger AS $$
    BEGIN
        UPDATE catalogue_productfacets SET offered = false, changed_at = now()
        WHERE product_id = NEW.id AND offered;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
]
POSTGRESQL_BACK = [
    """
    CREATE OR REPLACE FUNCTION catalogue_facets_hidden() RETURNS trigger AS $$
    BEGIN
        UPDATE catalogue_productfacets SET offered = false
        WHERE product_id = NEW.id AND offered;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """,
]
SQLITE_TRIGGER = """
    CREATE TRIGGER catalogue_facets_hidden AFTER UPDATE OF is_public ON catalogue_product
    WHEN NOT NEW.is_public
    BEGIN
        UPDATE catalogue_productfacets SET offered = 0{stamp} WHERE product_id = NEW.id;
    END
"""
SQLITE = [
    "DROP TRIGGER IF EXISTS catalogue_facets_hidden",
    # Django's own text form of a UTC time, to the microsecond.
    SQLITE_TRIGGER.format(stamp=", changed_at = strftime('%Y-%m-%d %H:%M:%f000', 'now')"),
]
SQLITE_BACK = [
    "DROP TRIGGER IF EXISTS catalogue_facets_hidden",
    SQLITE_TRIGGER.format(stamp=""),
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0041_facets_hidden_trigger")]

    operations = [
        migrations.AddField(
            model_name="productfacets",
            name="changed_at",
            # Nullable, without a default: SQLite adds the column in place instead of
            # remaking the table under the purchase counter's triggers.
            field=models.DateTimeField(db_index=True, null=True),
        ),
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_BACK, "sqlite": SQLITE_BACK}),
        ),
    ]
