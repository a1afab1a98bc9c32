"""A basket line removed by the tourist gives its held places back at once."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from oscar.core.loading import get_model

from .booking import release_line

BasketLine = get_model("basket", "Line")


@receiver(pre_delete, sender=BasketLine, dispatch_uid="experiences.release_line")
def release_removed_line(sender, instance, **kwargs):
    release_line(instance)
