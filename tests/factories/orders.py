"""A shop's order as checkout places it, without going through a basket and a payment.

A Checkout holding the shopper's name, e-mail and phone (not paid online: no
PaymentIntent), one line of ``quantity`` × the stock record holding its allocation, a
pickup slot or a delivery address with its fee. The purchase itself is covered by
tests/integration/checkout and the Chromium tests; this is for the back office's tests.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import OrderFactory, OrderLineFactory

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Checkout
from commerce.order.statuses import OrderStatus

ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
UNIT_INCL, UNIT_EXCL = Decimal("6.20"), Decimal("5.88")  # 5,5 % VAT
FEE_INCL, FEE_EXCL = Decimal("4.90"), Decimal("4.08")
_numbers = itertools.count(1)


def shop_order_place(
    shop,
    record,
    *,
    number: str | None = None,
    status: str = OrderStatus.RECEIVED,
    mode: str = FulfilmentMode.CLICK_COLLECT,
    quantity: int = 2,
    slot=None,
    phone: str = "02 33 12 34 56",
):
    """One order of ``quantity`` × ``record`` for ``shop``, as placement leaves it."""
    number = number or f"OR-{record.pk}-{next(_numbers)}"
    checkout = Checkout.objects.create(
        number=f"CK-{number}",
        email="marie@example.org",
        phone=phone,
        name="Marie Lefèvre",
        amount=Decimal("10"),
        status=Checkout.Status.PLACED,
    )
    address = _address() if mode == FulfilmentMode.DELIVERY else None
    fee_incl, fee_excl = (FEE_INCL, FEE_EXCL) if address else (Decimal("0"), Decimal("0"))
    order = OrderFactory(
        number=number,
        status=status,
        guest_email="marie@example.org",
        user=None,
        total_incl_tax=UNIT_INCL * quantity + fee_incl,
        total_excl_tax=UNIT_EXCL * quantity + fee_excl,
        shipping_incl_tax=fee_incl,
        shipping_excl_tax=fee_excl,
        shipping_address=address,
    )
    slot = slot or timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=2)
    pickup = mode == FulfilmentMode.CLICK_COLLECT
    type(order).objects.filter(pk=order.pk).update(
        checkout=checkout,
        partner=shop.partner,
        fulfilment_mode=mode,
        pickup_starts_at=slot if pickup else None,
        pickup_ends_at=slot + timedelta(hours=1) if pickup else None,
        pickup_address="12 rue du Pont-Neuf, Alençon" if pickup else "",
    )
    order.lines.all().delete()  # OrderFactory adds a line of an unrelated partner
    order.status_changes.all().delete()  # and its own status change, nobody's
    order_line_add(order, shop, record, quantity=quantity)
    order.refresh_from_db()
    return order


def order_line_add(order, shop, record, *, quantity: int):
    """A line of ``quantity`` × ``record``, holding its allocation as placement leaves it."""
    record.allocate(quantity)
    return OrderLineFactory(
        order=order,
        partner=shop.partner,
        partner_name=shop.name,
        stockrecord=record,
        partner_sku=record.partner_sku,
        product=record.product,
        title=record.product.title,
        quantity=quantity,
        num_allocated=quantity,
        unit_price_incl_tax=UNIT_INCL,
        unit_price_excl_tax=UNIT_EXCL,
        line_price_incl_tax=UNIT_INCL * quantity,
        line_price_excl_tax=UNIT_EXCL * quantity,
        line_price_before_discounts_incl_tax=UNIT_INCL * quantity,
        line_price_before_discounts_excl_tax=UNIT_EXCL * quantity,
    )


def _address():
    country, _ = Country.objects.get_or_create(
        iso_3166_1_a2="FR", defaults={"name": "France", "printable_name": "France"}
    )
    return ShippingAddress.objects.create(
        first_name="Marie",
        last_name="Lefèvre",
        line1="3 rue aux Sieurs",
        line4="Alençon",
        postcode="61000",
        country=country,
    )
