"""Writes for a paid basket: open a checkout, then place one order per merchant, once.

checkout_place_orders is the one path that turns a payment into orders:
1. lock the Checkout row: a second caller (webhook after browser return, or a replay)
   waits, then sees it is no longer pending and returns the orders already placed;
2. lock every stock record of the plan (commerce.partner.locks, pk order);
3. re-check the free stock of each line and allocate what is there;
4. create one Oscar Order per merchant group that kept at least one line, with its shop,
   fulfilment, shipping charge and totals, all linked to the checkout;
5. send Oscar's ``order_placed`` (sender, order, user) for each order placed;
6. record what could not be supplied: the caller refunds it (commerce.payment).
All of it in one transaction: a failure leaves neither orders nor allocations.

Why not Oscar's ``OrderCreator``: it places one order from a live basket, re-reading its
lines and prices, and allocates every line in full. Here one basket becomes one order per
merchant, from the plan frozen when the amount was fixed (what was paid is never
re-priced), and a line short of stock keeps what is left while the rest is refunded; the
marketplace uses no offers or vouchers, the creator's other half. So this module owns the
flow, and keeps Oscar's contract where it matters to other code: ``order_placed`` is sent
once per order, inside the placing transaction as the creator does, so its receivers
(Oscar's analytics counters) write with the orders or not at all, and a receiver that
raises undoes the placement (the payment then refunds the checkout in full). A replayed
placement returns the orders already placed and sends nothing. Work that must follow the
commit (e-mails) listens to ``commerce.order.signals.checkout_orders_placed`` instead.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.sites.models import Site
from django.db import transaction
from django.utils import timezone
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from commerce import conf
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.locks import checkout_lock
from commerce.order.models import Checkout, Order
from commerce.order.plan import CheckoutPlan, PlannedGroup, PlannedLine
from commerce.partner.locks import stockrecords_lock
from commerce.partner.models import StockRecord
from commerce.partner.stock import stockrecord_free_stock

Line = get_model("order", "Line")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")

ZERO = Decimal("0.00")
# Unambiguous characters only: the number is read out on the phone to a shop.
NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class MissingLine:
    """Part of a planned line that was out of stock at placement (to refund)."""

    line: PlannedLine
    quantity: int

    @property
    def amount(self) -> Decimal:
        return self.line.unit_price_incl_tax * self.quantity


@dataclass
class PlacementResult:
    checkout: Checkout
    orders: list[Order] = field(default_factory=list)
    missing: list[MissingLine] = field(default_factory=list)
    # Shipping of groups that lost every line: nothing is delivered, so it is refunded too.
    unused_shipping: Decimal = ZERO
    placed_now: bool = True

    @property
    def refund_amount(self) -> Decimal:
        return sum((item.amount for item in self.missing), ZERO) + self.unused_shipping


def checkout_number_new() -> str:
    return (
        "OR"
        + timezone.now().strftime("%y%m%d")
        + "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(6))
    )


def checkout_create(
    *,
    plan: CheckoutPlan,
    email: str,
    phone: str = "",
    name: str = "",
    basket=None,
    user=None,
    shipping_address: dict | None = None,
) -> Checkout:
    """Record a checkout whose amount is the plan's server-side total."""
    if not plan.groups:
        raise ValueError("a checkout needs at least one merchant group")
    return Checkout.objects.create(
        number=checkout_number_new(),
        basket=basket,
        user=user if user is not None and user.is_authenticated else None,
        email=email,
        phone=phone,
        name=name,
        currency=plan.currency,
        amount=plan.total_incl_tax,
        plan=plan.to_json(),
        shipping_address=shipping_address or {},
    )


def checkout_invoice_buyer_set(*, checkout: Checkout, buyer: dict) -> None:
    """Record who the invoices are made out to; it never changes the amount, so no lock."""
    kept = {key: value for key, value in buyer.items() if value}
    if kept != checkout.invoice_buyer:
        checkout.invoice_buyer = kept
        Checkout.objects.filter(pk=checkout.pk).update(invoice_buyer=kept)


def checkout_update_plan(
    *,
    checkout: Checkout,
    plan: CheckoutPlan,
    email: str,
    phone: str = "",
    name: str = "",
    shipping_address: dict | None = None,
) -> Checkout:
    """Replace a still-pending checkout's content (the shopper went back and changed it).

    The row is locked and its status re-read: a payment being confirmed holds the same lock,
    so the amount never changes under it. Whether the card was already submitted is Stripe's
    to say: commerce.payment.services.checkout_plan_replace checks it under this lock.
    """
    with transaction.atomic():
        checkout = checkout_lock(checkout_id=checkout.pk)
        if checkout.status != Checkout.Status.PENDING:
            raise ValueError("only a pending checkout can change")
        checkout.plan = plan.to_json()
        checkout.amount = plan.total_incl_tax
        checkout.email = email
        checkout.phone = phone
        checkout.name = name
        checkout.shipping_address = shipping_address or {}
        checkout.save(
            update_fields=["plan", "amount", "email", "phone", "name", "shipping_address"]
        )
    return checkout


def checkout_place_orders(*, checkout_id: int) -> PlacementResult:
    """Place the checkout's orders exactly once (see the module docstring for the steps)."""
    with transaction.atomic():
        checkout = checkout_lock(checkout_id=checkout_id)
        if checkout.status != Checkout.Status.PENDING:
            orders = list(checkout.orders.order_by("number"))
            return PlacementResult(checkout=checkout, orders=orders, placed_now=False)
        plan = CheckoutPlan.from_json(checkout.plan)
        records = stockrecords_lock(
            stockrecord_ids=[line.stockrecord_id for group in plan.groups for line in group.lines],
            offered_only=True,
        )
        result = PlacementResult(checkout=checkout)
        for index, group in enumerate(plan.groups, start=1):
            kept = _allocate_group(group=group, records=records, missing=result.missing)
            if not kept:
                result.unused_shipping += group.shipping_incl_tax
                continue
            order = _order_create(
                checkout=checkout, group=group, kept=kept, records=records, index=index
            )
            result.orders.append(order)
            order_placed.send(sender=Order, order=order, user=checkout.user)
        refund = result.refund_amount
        if not result.orders:
            checkout.status = Checkout.Status.REFUNDED
        elif refund:
            checkout.status = Checkout.Status.PARTIALLY_REFUNDED
        else:
            checkout.status = Checkout.Status.PLACED
        checkout.placed_at = timezone.now()
        checkout.refund_due = refund
        checkout.save(update_fields=["status", "placed_at", "refund_due"])
        if checkout.basket_id:
            checkout.basket.submit()
    return result


def _allocate_group(
    *, group: PlannedGroup, records: dict[int, StockRecord], missing: list[MissingLine]
) -> list[tuple[PlannedLine, int]]:
    """Allocate each line's quantity (or what is left of it); return (line, quantity) kept."""
    kept = []
    for line in group.lines:
        record = records.get(line.stockrecord_id)
        if record is None:
            missing.append(MissingLine(line=line, quantity=line.quantity))
            continue
        if record.can_track_allocations:
            quantity = min(line.quantity, stockrecord_free_stock(record))
        else:
            quantity = line.quantity
        if quantity < line.quantity:
            missing.append(MissingLine(line=line, quantity=line.quantity - quantity))
        if quantity:
            record.allocate(quantity)
            kept.append((line, quantity))
    return kept


def _order_create(
    *,
    checkout: Checkout,
    group: PlannedGroup,
    kept: list[tuple[PlannedLine, int]],
    records: dict[int, StockRecord],
    index: int,
) -> Order:
    subtotal_incl = sum((line.unit_price_incl_tax * qty for line, qty in kept), ZERO)
    subtotal_excl = sum((line.unit_price_excl_tax * qty for line, qty in kept), ZERO)
    delivered = group.fulfilment_mode == FulfilmentMode.DELIVERY
    order = Order.objects.create(
        number=f"{checkout.number}-{index}",
        site_id=Site.objects.get_current().pk,
        basket_id=checkout.basket_id,
        user=checkout.user,
        guest_email="" if checkout.user_id else checkout.email,
        currency=checkout.currency,
        total_incl_tax=subtotal_incl + group.shipping_incl_tax,
        total_excl_tax=subtotal_excl + group.shipping_excl_tax,
        shipping_incl_tax=group.shipping_incl_tax,
        shipping_excl_tax=group.shipping_excl_tax,
        shipping_method=FulfilmentMode(group.fulfilment_mode).label,
        shipping_code=group.fulfilment_mode,
        shipping_address=_shipping_address_create(checkout=checkout) if delivered else None,
        status=conf.initial_order_status(),
        checkout=checkout,
        partner_id=group.partner_id,
        fulfilment_mode=group.fulfilment_mode,
        pickup_starts_at=group.pickup_starts_at,
        pickup_ends_at=group.pickup_ends_at,
        pickup_address=group.pickup_address,
        delivery_commune_code=group.delivery_commune_code,
    )
    Line.objects.bulk_create(
        [_line_build(order=order, line=line, quantity=qty, records=records) for line, qty in kept]
    )
    return order


def _line_build(
    *, order: Order, line: PlannedLine, quantity: int, records: dict[int, StockRecord]
) -> Line:
    record = records[line.stockrecord_id]
    incl = line.unit_price_incl_tax * quantity
    excl = line.unit_price_excl_tax * quantity
    return Line(
        order=order,
        partner=record.partner,
        partner_name=record.partner.name,
        partner_sku=record.partner_sku,
        stockrecord=record,
        product=record.product,
        title=line.title,
        upc=record.product.upc or "",
        quantity=quantity,
        line_price_incl_tax=incl,
        line_price_excl_tax=excl,
        line_price_before_discounts_incl_tax=incl,
        line_price_before_discounts_excl_tax=excl,
        unit_price_incl_tax=line.unit_price_incl_tax,
        unit_price_excl_tax=line.unit_price_excl_tax,
        num_allocated=quantity,
        status=order.status,
    )


def _shipping_address_create(*, checkout: Checkout) -> ShippingAddress | None:
    data = checkout.shipping_address
    if not data:
        return None
    # Deliveries stay inside the Orne: the country is always France.
    country, _ = Country.objects.get_or_create(
        iso_3166_1_a2="FR",
        defaults={"name": "France", "printable_name": "France", "is_shipping_country": True},
    )
    return ShippingAddress.objects.create(
        first_name=data.get("first_name", ""),
        last_name=data.get("last_name", ""),
        line1=data.get("line1", ""),
        line2=data.get("line2", ""),
        line4=data.get("city", ""),
        postcode=data.get("postcode", ""),
        phone_number=data.get("phone", ""),
        notes=data.get("notes", ""),
        country=country,
    )
