"""Orders in bulk, as placement leaves them (a checkout, one order per shop, its lines,
its refunds), written with bulk_create: for figures over thousands of orders in tests and
in bench/figures_bench.py. The purchase itself is covered by tests/integration/checkout.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Checkout, Order
from commerce.order.statuses import OrderStatus
from commerce.payment.models import Refund
from merchants.models import Merchant

Line = get_model("order", "Line")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class OrderSpec:
    """One order to write: its shop, when, total, status, and what was given back."""

    shop: Merchant
    placed_at: datetime
    total: Decimal
    status: str = OrderStatus.COLLECTED
    mode: str = FulfilmentMode.CLICK_COLLECT
    partial_refund: Decimal = Decimal("0.00")  # an article missing, given back
    lines: int = 1


def orders_bulk_create(specs: Sequence[OrderSpec], *, prefix: str = "F", batch: int = 5000):
    """Write the orders of ``specs``; a cancelled one gets its full refund, as the shop's
    cancellation leaves it (merchants.services.orders)."""
    checkouts, orders, lines, refunds = [], [], [], []
    for n, spec in enumerate(specs):
        number = f"{prefix}{n:07d}"
        checkouts.append(
            Checkout(
                number=f"CK-{number}",
                email="client@example.org",
                amount=spec.total,
                status=Checkout.Status.PLACED,
                placed_at=spec.placed_at,
            )
        )
    Checkout.objects.bulk_create(checkouts, batch_size=batch)
    by_number = dict(
        Checkout.objects.filter(number__startswith=f"CK-{prefix}").values_list("number", "pk")
    )
    for n, spec in enumerate(specs):
        number = f"{prefix}{n:07d}"
        orders.append(
            Order(
                number=number,
                checkout_id=by_number[f"CK-{number}"],
                partner_id=spec.shop.partner_id,
                currency="EUR",
                total_incl_tax=spec.total,
                total_excl_tax=(spec.total / Decimal("1.055")).quantize(CENT),
                shipping_incl_tax=Decimal("0.00"),
                shipping_excl_tax=Decimal("0.00"),
                status=spec.status,
                guest_email="client@example.org",
                date_placed=spec.placed_at,
                fulfilment_mode=spec.mode,
            )
        )
    Order.objects.bulk_create(orders, batch_size=batch)
    order_pks = dict(Order.objects.filter(number__startswith=prefix).values_list("number", "pk"))
    for n, spec in enumerate(specs):
        number = f"{prefix}{n:07d}"
        share = (spec.total / spec.lines).quantize(CENT)
        for index in range(spec.lines):
            price = share if index < spec.lines - 1 else spec.total - share * (spec.lines - 1)
            lines.append(
                Line(
                    order_id=order_pks[number],
                    partner_id=spec.shop.partner_id,
                    partner_name=spec.shop.name,
                    partner_sku=f"SKU-{index}",
                    title=f"Article {index}",
                    quantity=1,
                    line_price_incl_tax=price,
                    line_price_excl_tax=(price / Decimal("1.055")).quantize(CENT),
                    line_price_before_discounts_incl_tax=price,
                    line_price_before_discounts_excl_tax=(price / Decimal("1.055")).quantize(CENT),
                    unit_price_incl_tax=price,
                    unit_price_excl_tax=(price / Decimal("1.055")).quantize(CENT),
                    num_allocated=1,
                )
            )
        checkout_id = by_number[f"CK-{number}"]
        given_back = (
            (
                Refund.Kind.ORDER_CANCELLED,
                spec.total if spec.status == OrderStatus.CANCELLED else 0,
            ),
            (Refund.Kind.ORDER_PARTIAL, spec.partial_refund),
        )
        refunds += [
            Refund(checkout_id=checkout_id, order_id=order_pks[number], kind=kind, amount=amount)
            for kind, amount in given_back
            if amount
        ]
    Line.objects.bulk_create(lines, batch_size=batch)
    Refund.objects.bulk_create(refunds, batch_size=batch)
    return len(orders)


def order_specs_random(
    *, shops: Sequence[Merchant], count: int, start: datetime, days: int, seed: int = 61
) -> list[OrderSpec]:
    """``count`` plausible orders spread over ``days``: 5 % cancelled, 3 % partly refunded,
    a third delivered, one to three lines."""
    rng = random.Random(seed)
    specs = []
    for _ in range(count):
        total = Decimal(rng.randint(500, 15000)) / 100
        cancelled = rng.random() < 0.05
        delivery = rng.random() < 0.33
        if cancelled:
            status = OrderStatus.CANCELLED
        else:
            status = OrderStatus.DELIVERED if delivery else OrderStatus.COLLECTED
        specs.append(
            OrderSpec(
                shop=rng.choice(shops),
                placed_at=start + timedelta(seconds=rng.randint(0, days * 86400 - 1)),
                total=total,
                status=status,
                mode=FulfilmentMode.DELIVERY if delivery else FulfilmentMode.CLICK_COLLECT,
                partial_refund=(total / 4).quantize(CENT)
                if not cancelled and rng.random() < 0.03
                else Decimal("0.00"),
                lines=rng.randint(1, 3),
            )
        )
    return specs
