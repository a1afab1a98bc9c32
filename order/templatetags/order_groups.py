from django import template

register = template.Library()


@register.simple_tag
def order_groups(order, partner=None):
    """[(fulfilment group, its lines)] of ``order``; only ``partner``'s when given."""
    lines = list(order.lines.select_related("partner"))
    groups = order.fulfilment_groups.select_related("partner")
    if partner is not None:
        groups = groups.filter(partner=partner)
    return [(g, [line for line in lines if line.partner_id == g.partner_id]) for g in groups]
