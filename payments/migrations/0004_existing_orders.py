from django.db import migrations


def record_existing(apps, schema_editor):
    """Orders placed before payment states existed get theirs, already announced.

    Without a row the sweep would take a placed card order for one whose process died
    before capturing, and email its shopper and producers a second time.
    """
    Order = apps.get_model("order", "Order")
    OrderPayment = apps.get_model("payments", "OrderPayment")
    rows = []
    for order in Order.objects.filter(payment__isnull=True).prefetch_related("sources"):
        source = next(iter(order.sources.all()), None)
        if source is None:
            continue
        code = source.source_type.code
        provider = "card" if code == "stripe" else code
        if source.amount_debited >= order.total_incl_tax:
            status = "paid"
        elif provider == "card":
            status = "pending"
        else:
            status = "on_delivery"
        rows.append(
            OrderPayment(
                order=order,
                provider=provider,
                status=status,
                shopper_notified_at=order.date_placed,
                producers_notified_at=order.date_placed if status != "pending" else None,
            )
        )
    OrderPayment.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("payments", "0003_order_payment")]

    operations = [migrations.RunPython(record_existing, migrations.RunPython.noop)]
