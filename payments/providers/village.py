"""Pay at the village: the tourist books now and pays the producer in cash on arrival.

Offered only for a basket of experiences whose producers all allow it
(``Experience.pay_at_village``) and with no goods to deliver. The order (and so each
booking) is placed at once; the producer collects at the meeting point, as a courier
collects cash on delivery, so the order's payment state is the same "paid on delivery".
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.templatetags.currency_filters import currency

from .cash import CashOnDeliveryProvider, group_amount


class PayAtVillageProvider(CashOnDeliveryProvider):
    code = "village"
    label = gettext_lazy("Trả tiền mặt tại làng khi đến")

    def accepts(self, basket):
        from experiences.booking import line_bookings

        if basket is None:
            return False
        lines = list(basket.all_lines())
        if not lines or basket.is_shipping_required():
            return False
        bookings = line_bookings(lines)
        return len(bookings) == len(lines) and all(
            b.slot.experience.pay_at_village for b in bookings.values()
        )

    def record(self, order):
        from oscar.core.loading import get_model

        from .. import state

        SourceType = get_model("payment", "SourceType")
        Source = get_model("payment", "Source")
        source_type, _created = SourceType.objects.get_or_create(
            code=self.code, defaults={"name": "Trả tiền tại làng"}
        )
        Source.objects.get_or_create(
            order=order,
            source_type=source_type,
            defaults={"currency": order.currency, "amount_allocated": order.total_incl_tax},
        )
        state.opened(order, self.code, state.Status.ON_DELIVERY)

    def shopper_summary(self, order):
        return _("Trả tiền mặt tại làng khi đến")

    def producer_summary(self, group):
        return _("Thu tại làng: %(amount)s") % {"amount": currency(group_amount(group))}
