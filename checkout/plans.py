"""From the basket's shop groups and the shopper's choices to a priced CheckoutPlan.

The plan is what the shopper pays: totals per group and overall are computed here, on the
server, from stock-record prices and the shops' fulfilment rules. Nothing the browser sends
other than the choice of mode and slot is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from checkout.fulfilment import PickupSlot, fulfilment_options
from checkout.selectors import MerchantGroup
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.plan import CheckoutPlan, PlannedGroup, PlannedLine
from merchants.models import Commune

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class FulfilmentChoice:
    """What the shopper picked for one shop: a mode and, for click & collect, a slot key."""

    mode: str
    slot_key: str = ""


class CheckoutNotPossible(Exception):
    """The basket cannot be paid as chosen; ``messages`` say why, in French."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def checkout_plan_build(
    *,
    groups: list[MerchantGroup],
    choices: dict[int, FulfilmentChoice],
    commune: Commune | None,
    now: datetime,
) -> CheckoutPlan:
    """Price every group with its chosen fulfilment; refuse anything not on offer.

    ``choices`` is keyed by merchant id. Raises CheckoutNotPossible listing every problem
    (missing choice, delivery not offered to the commune, stale slot, article run out).
    """
    problems: list[str] = []
    planned: list[PlannedGroup] = []
    if not groups:
        problems.append(_("Votre panier est vide."))
    for group in groups:
        problems.extend(_stock_problems(group=group))
        try:
            planned.append(
                _group_plan(
                    group=group, choice=choices.get(group.merchant.pk), commune=commune, now=now
                )
            )
        except CheckoutNotPossible as refused:
            problems.extend(refused.messages)
    if problems:
        raise CheckoutNotPossible(problems)
    return CheckoutPlan(groups=tuple(planned))


def _group_plan(
    *, group: MerchantGroup, choice: FulfilmentChoice | None, commune: Commune | None, now: datetime
) -> PlannedGroup:
    name = group.merchant.name
    options = fulfilment_options(
        merchant=group.merchant, commune=commune, subtotal_incl_tax=group.subtotal_incl_tax, now=now
    )
    lines = tuple(
        PlannedLine(
            stockrecord_id=line.stockrecord_id,
            product_id=line.product_id,
            title=line.title,
            quantity=line.quantity,
            unit_price_incl_tax=line.unit_price_incl_tax,
            unit_price_excl_tax=line.unit_price_excl_tax,
        )
        for line in group.lines
    )
    mode = choice.mode if choice else ""
    if mode == FulfilmentMode.DELIVERY:
        if options.delivery is None:
            raise CheckoutNotPossible([_("« %s » ne livre pas dans votre commune.") % name])
        return PlannedGroup(
            partner_id=group.merchant.partner_id,
            fulfilment_mode=FulfilmentMode.DELIVERY,
            shipping_incl_tax=options.delivery.fee_incl_tax,
            shipping_excl_tax=options.delivery.fee_excl_tax,
            lines=lines,
            delivery_commune_code=commune.insee_code,
        )
    if mode == FulfilmentMode.CLICK_COLLECT:
        slot = _slot_for(options.pickup_slots, choice.slot_key)
        if slot is None:
            raise CheckoutNotPossible(
                [_("Choisissez un créneau de retrait disponible pour « %s ».") % name]
            )
        return PlannedGroup(
            partner_id=group.merchant.partner_id,
            fulfilment_mode=FulfilmentMode.CLICK_COLLECT,
            shipping_incl_tax=ZERO,
            shipping_excl_tax=ZERO,
            lines=lines,
            pickup_starts_at=slot.starts_at,
            pickup_ends_at=slot.ends_at,
            pickup_address=options.pickup_address,
        )
    raise CheckoutNotPossible([_("Choisissez la livraison ou le retrait pour « %s ».") % name])


def _slot_for(slots: tuple[PickupSlot, ...], key: str) -> PickupSlot | None:
    return next((slot for slot in slots if slot.key == key), None)


def _stock_problems(*, group: MerchantGroup) -> list[str]:
    problems = []
    for line in group.lines:
        if not line.is_short:
            continue
        if line.available:
            problems.append(
                _("Il ne reste que %(count)s « %(title)s » chez %(shop)s.")
                % {"count": line.available, "title": line.title, "shop": group.merchant.name}
            )
        else:
            problems.append(
                _("« %(title)s » n'est plus disponible chez %(shop)s.")
                % {"title": line.title, "shop": group.merchant.name}
            )
    return problems
