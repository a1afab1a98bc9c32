"""A village's experiences are the experiences that name it (``Experience.village``): the
page's own list of experience products goes, its links carried over first."""

from django.db import migrations


def carry_links_over(apps, schema_editor):
    VillageExperience = apps.get_model("villages", "VillageExperience")
    Experience = apps.get_model("experiences", "Experience")
    for link in VillageExperience.objects.order_by("sort_order", "pk"):
        Experience.objects.filter(product_id=link.product_id, village__isnull=True).update(
            village_id=link.page_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("villages", "0001_initial"),
        ("experiences", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(carry_links_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="VillageExperience"),
    ]
