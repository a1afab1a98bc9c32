from django.db import migrations, models


def from_pending_checkouts(apps, schema_editor):
    """Orders placed before the field existed take the language of their checkout."""
    Order = apps.get_model("order", "Order")
    PendingCheckout = apps.get_model("payments", "PendingCheckout")
    english = PendingCheckout.objects.filter(order__isnull=False, language="en")
    Order.objects.filter(pk__in=english.values("order_id")).update(language="en")


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0023_refunds_by_line"),
        ("payments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="order",
            name="language",
            field=models.CharField(
                choices=[("vi", "Tiếng Việt"), ("en", "English")],
                default="vi",
                max_length=8,
                verbose_name="ngôn ngữ",
            ),
        ),
        migrations.RunPython(from_pending_checkouts, migrations.RunPython.noop),
    ]
