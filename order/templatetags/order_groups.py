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


@register.simple_tag
def group_refunds(group):
    """What was given back for ``group``: its refund lines, oldest first."""
    return list(
        group.refund_lines.select_related("line", "refund").order_by("refund__created_at", "pk")
    )
