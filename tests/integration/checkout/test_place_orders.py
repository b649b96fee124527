"""Placing the orders of a paid checkout: one per merchant, exactly once, never oversold."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from checkout.fulfilment import pickup_slots
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import Checkout, FulfilmentMode
from commerce.order.services import checkout_create, checkout_place_orders
from commerce.order.statuses import OrderStatus
from commerce.partner.models import InsufficientStock

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))
ADDRESS = {
    "first_name": "Marie",
    "last_name": "Lefèvre",
    "line1": "3 rue aux Sieurs",
    "postcode": "61000",
    "city": "Alençon",
}


@pytest.fixture
def two_shop_checkout(make_shop, article, basket_of, communes):
    home, _, _ = communes
    cheese = make_shop("Fromagerie Hébert", delivers_to=[home], fee="4.50", threshold="40")
    books = make_shop("Librairie du Passage")
    camembert = article(cheese, price="6.20", stock=10, title="Camembert")
    horla = article(books, price="18.00", stock=3, title="Le Horla")
    basket = basket_of([(camembert, 2), (horla, 1)])
    slot = pickup_slots(merchant=books, now=NOW)[0]
    plan = checkout_plan_build(
        groups=basket_groups_by_merchant(basket=basket),
        choices={
            cheese.pk: FulfilmentChoice(mode=FulfilmentMode.DELIVERY),
            books.pk: FulfilmentChoice(mode=FulfilmentMode.CLICK_COLLECT, slot_key=slot.key),
        },
        commune=home,
        now=NOW,
    )
    checkout = checkout_create(
        plan=plan, email="marie@example.org", basket=basket, shipping_address=ADDRESS
    )
    return checkout, cheese, books, camembert, horla, slot


def test_one_order_per_merchant_with_its_shop_lines_fulfilment_and_totals(two_shop_checkout):
    checkout, cheese, books, camembert, horla, slot = two_shop_checkout
    assert checkout.amount == Decimal("34.90")

    result = checkout_place_orders(checkout_id=checkout.pk)

    delivered, collected = sorted(result.orders, key=lambda order: order.number)
    assert (delivered.partner, collected.partner) == (cheese.partner, books.partner)
    assert delivered.lines.get().partner == cheese.partner
    assert (delivered.fulfilment_mode, delivered.shipping_incl_tax) == ("delivery", Decimal("4.50"))
    assert delivered.total_incl_tax == Decimal("16.90")
    assert delivered.shipping_address.line4 == "Alençon"
    assert delivered.guest_email == "marie@example.org"
    assert collected.lines.get().partner == books.partner
    assert (collected.fulfilment_mode, collected.total_incl_tax) == ("click_collect", Decimal("18"))
    assert collected.pickup_starts_at == slot.starts_at
    assert collected.shipping_address is None
    assert {delivered.checkout_id, collected.checkout_id} == {checkout.pk}
    assert delivered.status == collected.status == OrderStatus.RECEIVED
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PLACED
    assert result.refund_amount == 0


def test_orders_are_placed_once_however_often_placement_is_asked(two_shop_checkout):
    checkout, *_ = two_shop_checkout
    first = checkout_place_orders(checkout_id=checkout.pk)
    again = [checkout_place_orders(checkout_id=checkout.pk) for _ in range(5)]
    assert checkout.orders.count() == 2
    assert all(not result.placed_now for result in again)
    assert {o.pk for o in again[-1].orders} == {o.pk for o in first.orders}


def test_placement_allocates_the_stock(two_shop_checkout):
    checkout, _, _, camembert, horla, _ = two_shop_checkout
    checkout_place_orders(checkout_id=checkout.pk)
    camembert.refresh_from_db()
    horla.refresh_from_db()
    assert (camembert.num_allocated, camembert.net_stock_level) == (2, 8)
    assert (horla.num_allocated, horla.net_stock_level) == (1, 2)


def test_placement_submits_the_basket(two_shop_checkout):
    checkout, *_ = two_shop_checkout
    checkout_place_orders(checkout_id=checkout.pk)
    checkout.basket.refresh_from_db()
    assert checkout.basket.status == "Submitted"


def test_stock_gone_after_payment_is_left_out_and_counted_for_refund(two_shop_checkout):
    checkout, cheese, _, camembert, horla, _ = two_shop_checkout
    horla.num_allocated = 3  # someone else bought the last copies meanwhile
    horla.save()
    camembert.num_allocated = 9  # one camembert left of the two paid for
    camembert.save()

    result = checkout_place_orders(checkout_id=checkout.pk)

    (order,) = result.orders
    assert order.lines.get().partner == cheese.partner
    assert order.lines.get().quantity == 1
    assert order.total_incl_tax == Decimal("6.20") + Decimal("4.50")
    # One camembert (6,20) and the book (18,00); the book was collected, so no shipping.
    assert result.refund_amount == Decimal("24.20")
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PARTIALLY_REFUNDED


def test_nothing_placed_when_nothing_is_left_and_shipping_is_refunded(two_shop_checkout):
    checkout, _, _, camembert, horla, _ = two_shop_checkout
    for record in (camembert, horla):
        record.num_allocated = record.num_in_stock
        record.save()
    result = checkout_place_orders(checkout_id=checkout.pk)
    assert result.orders == []
    assert result.refund_amount == checkout.amount == Decimal("34.90")
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.REFUNDED


def test_allocate_refuses_more_than_the_free_stock(make_shop, article):
    record = article(make_shop("Librairie"), stock=2)
    record.allocate(2)
    with pytest.raises(InsufficientStock):
        record.allocate(1)
    record.refresh_from_db()
    assert record.num_allocated == 2
