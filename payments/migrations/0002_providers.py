from django.db import migrations, models


def card_source_type(apps, schema_editor):
    """Card orders were recorded under the source type "stripe"; the provider's code is "card"."""
    SourceType = apps.get_model("payment", "SourceType")
    Source = apps.get_model("payment", "Source")
    old = SourceType.objects.filter(code="stripe").first()
    if old is None:
        return
    new = SourceType.objects.filter(code="card").first()
    if new is None:
        old.code = "card"
        old.save(update_fields=["code"])
    else:
        Source.objects.filter(source_type=old).update(source_type=new)
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
        ("payment", "0005_auto_20200801_0817"),
        ("order", "0022_shippingaddress_province_code_and_more"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pendingcheckout",
            name="method",
            field=models.CharField(max_length=16),
        ),
        migrations.AlterField(
            model_name="pendingcheckout",
            name="order",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="pending_checkout",
                to="order.order",
            ),
        ),
        migrations.RunPython(card_source_type, migrations.RunPython.noop),
    ]
