"""Oscar's ``order_placed`` signal: sent once per order placed, inside the placing transaction."""

import pytest
from django.db import transaction
from django.urls import reverse
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

from commerce.order.models import Checkout, Order
from commerce.order.services import checkout_place_orders
from commerce.payment.models import Refund
from tests.payments import VISA, pay, post_webhook, succeeded_event

ProductRecord = get_model("analytics", "ProductRecord")
pytestmark = pytest.mark.django_db


@pytest.fixture
def placed_signals():
    """Every order_placed sent while the test runs: (sender, order number, user, savepoints).

    The number of open savepoints tells how deep in ``transaction.atomic`` blocks the
    receiver runs (the test's own block is one of them).
    """
    sent = []

    def receiver(sender, order, user, **kwargs):
        depth = len(transaction.get_connection().savepoint_ids)
        sent.append((sender, order.number, user, depth))

    order_placed.connect(receiver, dispatch_uid="test-order-placed-counter")
    yield sent
    order_placed.disconnect(dispatch_uid="test-order-placed-counter")


def test_each_order_is_announced_once_with_its_shopper(checkout_page, shopper, placed_signals):
    client, checkout = checkout_page
    pay(client, VISA)

    client.get(reverse("orne_checkout:return"))

    numbers = sorted(Order.objects.filter(checkout=checkout).values_list("number", flat=True))
    assert len(numbers) == 2
    assert sorted(number for _, number, _, _ in placed_signals) == numbers
    assert all(sender is Order and user == shopper for sender, _, user, _ in placed_signals)


def test_the_signal_is_sent_inside_the_placing_transaction(checkout_page, placed_signals):
    _, checkout = checkout_page
    test_depth = len(transaction.get_connection().savepoint_ids)

    checkout_place_orders(checkout_id=checkout.pk)

    assert [depth for *_, depth in placed_signals] == [test_depth + 1] * 2


def test_replayed_webhooks_and_the_return_page_announce_nothing_more(checkout_page, placed_signals):
    client, checkout = checkout_page
    pay(client, VISA)
    checkout.refresh_from_db()
    client.get(reverse("orne_checkout:return"))
    assert len(placed_signals) == 2

    # Stripe retries (same event) and sends again (another event id): nothing is placed again.
    for event_id in ("evt_orne_1", "evt_orne_1", "evt_orne_2"):
        payload = succeeded_event(checkout.payment_intent_id, event_id=event_id)
        assert post_webhook(client, payload).status_code == 200
    client.get(reverse("orne_checkout:return"))

    assert len(placed_signals) == 2
    assert Order.objects.filter(checkout=checkout).count() == 2


def test_oscar_analytics_count_the_articles_sold(checkout_page, two_shop_basket):
    client, _ = checkout_page
    _, _, _, camembert, horla = two_shop_basket
    pay(client, VISA)

    client.get(reverse("orne_checkout:return"))

    purchases = dict(ProductRecord.objects.values_list("product_id", "num_purchases"))
    assert purchases == {camembert.product_id: 2, horla.product_id: 1}


def test_a_receiver_that_fails_undoes_the_placement_and_the_payment_is_refunded(
    checkout_page, two_shop_basket
):
    client, checkout = checkout_page
    _, _, _, camembert, _ = two_shop_basket

    def failing(sender, order, **kwargs):
        raise RuntimeError("analytics down")

    order_placed.connect(failing, dispatch_uid="test-order-placed-failing")
    try:
        pay(client, VISA)
        client.get(reverse("orne_checkout:return"))
    finally:
        order_placed.disconnect(dispatch_uid="test-order-placed-failing")

    checkout.refresh_from_db()
    camembert.refresh_from_db()
    assert Order.objects.filter(checkout=checkout).count() == 0
    assert checkout.status == Checkout.Status.FAILED
    assert camembert.num_allocated in (None, 0)
    assert Refund.objects.get(checkout=checkout).kind == Refund.Kind.PLACEMENT_FAILED
