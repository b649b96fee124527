"""Demo orders: a working day in each demo shop's back office.

Placed through the real path, without the card: a basket, the checkout's plan and
placement (checkout.services.checkout_prepare, commerce.order.services.
checkout_place_orders, which allocate the stock), then the status buttons' service
(merchants.services.orders.merchant_order_set_status). For the first shops: one order
to prepare, one in preparation, one ready for pickup and one collected. Run once: a
second seed finds the demo shopper's checkouts and adds none.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from checkout.fulfilment import fulfilment_options
from checkout.plans import CheckoutNotPossible, FulfilmentChoice
from checkout.selectors import basket_groups_by_merchant
from checkout.services import checkout_prepare
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Checkout
from commerce.order.services import checkout_place_orders
from commerce.order.statuses import OrderStatus
from merchants.models import Merchant
from merchants.services.orders import merchant_order_set_status

Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")

DEMO_SHOPPER = "client.demo@demo.invalid"
# The first shops (the accounts a newcomer logs in with); every shop would add minutes to
# `make run`'s first start for screens that look the same.
SHOPS_WITH_ORDERS = 8
# The statuses each demo shop's orders are walked to, in the pipeline's order.
WALKS = (
    (),
    (OrderStatus.PREPARING,),
    (OrderStatus.PREPARING, OrderStatus.READY),
    (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED),
)


def demo_orders_seed(*, shops: list[Merchant], per_shop: int = len(WALKS)) -> int:
    """Place the demo orders (once); returns how many were placed now."""
    if Checkout.objects.filter(email=DEMO_SHOPPER).exists():
        return 0
    placed = 0
    for shop in shops[:SHOPS_WITH_ORDERS]:
        by = shop.users.first() or get_user_model().objects.filter(is_superuser=True).first()
        for number, walk in enumerate(WALKS[:per_shop]):
            order = _demo_order_place(shop=shop, pick=number)
            if order is None:
                continue
            for status in walk:
                merchant_order_set_status(order_id=order.pk, status=status, by=by)
            placed += 1
    return placed


def _demo_order_place(*, shop: Merchant, pick: int):
    """One click & collect order of one or two of the shop's articles, at its next slot."""
    records = list(
        shop.partner.stockrecords.filter(product__is_public=True, num_in_stock__gt=5)
        .select_related("product")
        .order_by("pk")[pick : pick + 2]
    )
    if not records:
        return None
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for quantity, record in enumerate(records, start=1):
        basket.add_product(record.product, quantity)
    now = timezone.now()
    groups = basket_groups_by_merchant(basket=basket)
    options = {
        group.merchant.pk: fulfilment_options(
            merchant=group.merchant,
            commune=None,
            subtotal_incl_tax=group.subtotal_incl_tax,
            now=now,
        )
        for group in groups
    }
    choices = {}
    for merchant_id, option in options.items():
        if not option.pickup_slots:
            return None  # a shop without opening hours has no slot to offer
        slot = option.pickup_slots[min(pick, len(option.pickup_slots) - 1)]
        choices[merchant_id] = FulfilmentChoice(
            mode=FulfilmentMode.CLICK_COLLECT, slot_key=slot.key
        )
    try:
        checkout = checkout_prepare(
            basket=basket,
            choices=choices,
            commune=None,
            email=DEMO_SHOPPER,
            phone="02 33 00 00 61",
            name="Camille Demo",
            now=now,
        )
    except CheckoutNotPossible:
        return None
    result = checkout_place_orders(checkout_id=checkout.pk)
    return result.orders[0] if result.orders else None
