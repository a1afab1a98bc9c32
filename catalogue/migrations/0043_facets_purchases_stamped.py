from django.db import migrations

# The purchase counter's triggers (migration 0040) stamp the rows they change, as every
# other writer does: the facet bitmaps (catalogue.facet_index) keep each product's
# purchases too, to order a search's matches, and read the rows stamped since they
# last looked.
POSTGRESQL_FUNCTION = """
    CREATE OR REPLACE FUNCTION catalogue_facets_purchases() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            UPDATE catalogue_productfacets SET purchases = 0{stamp}
            WHERE product_id = OLD.product_id;
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.product_id <> NEW.product_id THEN
            UPDATE catalogue_productfacets SET purchases = 0{stamp}
            WHERE product_id = OLD.product_id;
        END IF;
        UPDATE catalogue_productfacets SET purchases = NEW.num_purchases{stamp}
        WHERE product_id = NEW.product_id AND purchases <> NEW.num_purchases;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
"""
SQLITE_TRIGGERS = [
    """
    CREATE TRIGGER catalogue_facets_purchases_insert AFTER INSERT ON analytics_productrecord
    BEGIN
        UPDATE catalogue_productfacets SET purchases = NEW.num_purchases{stamp}
        WHERE product_id = NEW.product_id;
    END
    """,
    """
    CREATE TRIGGER catalogue_facets_purchases_update
    AFTER UPDATE OF num_purchases, product_id ON analytics_productrecord
    BEGIN
        UPDATE catalogue_productfacets SET purchases = 0{stamp} WHERE product_id = OLD.product_id;
        UPDATE catalogue_productfacets SET purchases = NEW.num_purchases{stamp}
        WHERE product_id = NEW.product_id;
    END
    """,
    """
    CREATE TRIGGER catalogue_facets_purchases_delete AFTER DELETE ON analytics_productrecord
    BEGIN
        UPDATE catalogue_productfacets SET purchases = 0{stamp} WHERE product_id = OLD.product_id;
    END
    """,
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS catalogue_facets_purchases_{event}"
    for event in ("insert", "update", "delete")
]
# now(): the transaction's start, as catalogue.facet_index.stamp() gives it.
POSTGRESQL_STAMP = ", changed_at = now()"
# Django's own text form of a UTC time, to the microsecond (as migration 0042).
SQLITE_STAMP = ", changed_at = strftime('%Y-%m-%d %H:%M:%f000', 'now')"


def _statements(stamped):
    return {
        "postgresql": [POSTGRESQL_FUNCTION.format(stamp=POSTGRESQL_STAMP if stamped else "")],
        "sqlite": SQLITE_DROP
        + [sql.format(stamp=SQLITE_STAMP if stamped else "") for sql in SQLITE_TRIGGERS],
    }


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0042_facets_changed_at")]

    operations = [migrations.RunPython(_run(_statements(True)), _run(_statements(False)))]
