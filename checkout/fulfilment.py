"""Fulfilment rules: may this shop deliver here, at what fee, and when can one collect.

Written once and used by the basket page, the checkout and the placement plan. They read
only prefetched relations (``delivery_communes``, ``delivery_intercommunalities``,
``opening_periods``) so a basket of many shops costs no query per shop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from commerce.partner.vat import price_excl_tax
from merchants.models import Commune, Merchant

PARIS = ZoneInfo("Europe/Paris")
SLOT_MINUTES = 60
SLOT_DAYS = 7
# French VAT on a delivery charge follows the goods; the standard rate is the safe upper bound
# for mixed baskets until an accountant says otherwise.
DELIVERY_VAT_RATE = "20"
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class DeliveryOption:
    fee_incl_tax: Decimal
    fee_excl_tax: Decimal
    lead_days: int
    earliest_date: date
    is_free: bool


@dataclass(frozen=True)
class PickupSlot:
    starts_at: datetime  # aware, Europe/Paris
    ends_at: datetime

    @property
    def key(self) -> str:
        """The value a form posts back to choose this slot."""
        return self.starts_at.isoformat()


@dataclass(frozen=True)
class FulfilmentOptions:
    delivery: DeliveryOption | None
    pickup_slots: tuple[PickupSlot, ...]
    pickup_address: str

    @property
    def any(self) -> bool:
        return self.delivery is not None or bool(self.pickup_slots)


def merchant_delivers_to(*, merchant: Merchant, commune: Commune | None) -> bool:
    """Delivery is offered to a commune listed by INSEE code or inside a listed EPCI."""
    if commune is None or not merchant.offers_delivery:
        return False
    if any(c.insee_code == commune.insee_code for c in merchant.delivery_communes.all()):
        return True
    return commune.intercommunality_id is not None and any(
        epci.pk == commune.intercommunality_id
        for epci in merchant.delivery_intercommunalities.all()
    )


def delivery_option(
    *, merchant: Merchant, commune: Commune | None, subtotal_incl_tax: Decimal, now: datetime
) -> DeliveryOption | None:
    """The delivery a shop offers to ``commune`` for a group worth ``subtotal_incl_tax``."""
    if not merchant_delivers_to(merchant=merchant, commune=commune):
        return None
    threshold = merchant.free_delivery_threshold
    is_free = threshold is not None and subtotal_incl_tax >= threshold
    fee = ZERO if is_free else merchant.delivery_fee
    return DeliveryOption(
        fee_incl_tax=fee,
        fee_excl_tax=price_excl_tax(price_incl_tax=fee, vat_rate=DELIVERY_VAT_RATE),
        lead_days=merchant.delivery_lead_days,
        earliest_date=now.astimezone(PARIS).date() + timedelta(days=merchant.delivery_lead_days),
        is_free=is_free,
    )


def pickup_slots(
    *, merchant: Merchant, now: datetime, days: int = SLOT_DAYS, slot_minutes: int = SLOT_MINUTES
) -> tuple[PickupSlot, ...]:
    """Pickup windows in the shop's opening hours, starting once the order can be ready.

    Each opening period is cut into ``slot_minutes`` windows (the last one ends at closing
    time). A window is offered only if it starts at or after now + preparation time, so no
    slot lies in the past or before the shop has had time to prepare.
    """
    if not merchant.offers_click_collect:
        return ()
    ready_at = now.astimezone(PARIS) + timedelta(minutes=merchant.preparation_minutes)
    today = now.astimezone(PARIS).date()
    periods = list(merchant.opening_periods.all())
    slots: list[PickupSlot] = []
    for offset in range(days):
        day = today + timedelta(days=offset)
        for period in sorted(
            (p for p in periods if p.weekday == day.weekday()), key=lambda p: p.opens_at
        ):
            slots.extend(
                _period_slots(
                    day=day,
                    opens=period.opens_at,
                    closes=period.closes_at,
                    ready_at=ready_at,
                    slot_minutes=slot_minutes,
                )
            )
    return tuple(slots)


def _period_slots(
    *, day: date, opens: time, closes: time, ready_at: datetime, slot_minutes: int
) -> list[PickupSlot]:
    start = datetime.combine(day, opens, tzinfo=PARIS)
    end_of_period = datetime.combine(day, closes, tzinfo=PARIS)
    step = timedelta(minutes=slot_minutes)
    slots = []
    while start < end_of_period:
        end = min(start + step, end_of_period)
        if start >= ready_at:
            slots.append(PickupSlot(starts_at=start, ends_at=end))
        start += step
    return slots


def pickup_address_for(*, merchant: Merchant) -> str:
    address = merchant.pickup_address or merchant.address
    return f"{merchant.name}, {address}, {merchant.commune.name}" if address else merchant.name


def fulfilment_options(
    *, merchant: Merchant, commune: Commune | None, subtotal_incl_tax: Decimal, now: datetime
) -> FulfilmentOptions:
    """Everything a shopper may choose for one shop's group."""
    return FulfilmentOptions(
        delivery=delivery_option(
            merchant=merchant, commune=commune, subtotal_incl_tax=subtotal_incl_tax, now=now
        ),
        pickup_slots=pickup_slots(merchant=merchant, now=now),
        pickup_address=pickup_address_for(merchant=merchant),
    )
