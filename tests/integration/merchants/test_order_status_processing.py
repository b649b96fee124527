"""One place changes an order's status (commerce.order.processing), with who, when, from → to."""

import pytest
from oscar.apps.order.signals import order_status_changed

from commerce.order.models import FulfilmentMode
from commerce.order.selectors import order_status_history
from commerce.order.statuses import OrderStatus
from merchants.services.orders import OrderStatusRefused, merchant_order_set_status
from tests.factories import MerchantStockRecordFactory, shop_order_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(onboard):
    return onboard("Fromagerie Hébert")


@pytest.fixture
def order_of(shop):
    def make(*, status, mode=FulfilmentMode.CLICK_COLLECT, quantity=2):
        record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
        return shop_order_place(shop, record, status=status, mode=mode, quantity=quantity)

    return make


def test_each_change_is_recorded_with_who_when_and_from_to(shop, order_of):
    order = order_of(status=OrderStatus.RECEIVED)
    merchant = shop.users.get()

    merchant_order_set_status(order_id=order.pk, status=OrderStatus.PREPARING, by=merchant)
    merchant_order_set_status(order_id=order.pk, status=OrderStatus.READY, by=merchant)
    merchant_order_set_status(order_id=order.pk, status=OrderStatus.COLLECTED, by=None)

    history = [
        (change.old_status, change.new_status, change.changed_by)
        for change in order_status_history(order=order)
    ]
    assert history == [
        ("Reçue", "En préparation", merchant),
        ("En préparation", "Prête à retirer", merchant),
        ("Prête à retirer", "Retirée", None),
    ]
    dates = [change.date_created for change in order_status_history(order=order)]
    assert dates == sorted(dates)


def test_the_history_costs_one_query_however_long(shop, order_of, django_assert_num_queries):
    order = order_of(status=OrderStatus.RECEIVED)
    merchant = shop.users.get()
    for status in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED):
        merchant_order_set_status(order_id=order.pk, status=status, by=merchant)

    with django_assert_num_queries(1):
        names = [change.changed_by.get_full_name() for change in order_status_history(order=order)]

    assert len(names) == 3


def test_oscar_order_status_changed_is_sent_once_per_change(shop, order_of):
    order = order_of(status=OrderStatus.RECEIVED)
    sent = []

    def receiver(sender, order, old_status, new_status, **kwargs):
        sent.append((order.pk, old_status, new_status))

    order_status_changed.connect(receiver, dispatch_uid="test-status-changed")
    try:
        merchant_order_set_status(order_id=order.pk, status=OrderStatus.CANCELLED, by=None)
    finally:
        order_status_changed.disconnect(dispatch_uid="test-status-changed")

    assert sent == [(order.pk, "Reçue", "Annulée")]


def test_a_refused_change_leaves_the_order_its_stock_and_history_as_they_were(shop, order_of):
    order = order_of(status=OrderStatus.RECEIVED)
    record = order.lines.get().stockrecord

    with pytest.raises(OrderStatusRefused) as refused:
        merchant_order_set_status(order_id=order.pk, status=OrderStatus.COLLECTED, by=None)

    assert str(refused.value) == "Une commande « Reçue » ne peut pas passer à « Retirée »."
    order.refresh_from_db()
    record.refresh_from_db()
    assert order.status == OrderStatus.RECEIVED
    assert (record.num_in_stock, record.num_allocated) == (10, 2)
    assert not order_status_history(order=order).exists()


def test_a_delivery_cannot_be_made_ready_for_pickup(shop, order_of):
    order = order_of(status=OrderStatus.PREPARING, mode=FulfilmentMode.DELIVERY)

    with pytest.raises(OrderStatusRefused):
        merchant_order_set_status(order_id=order.pk, status=OrderStatus.READY, by=None)

    merchant_order_set_status(order_id=order.pk, status=OrderStatus.SHIPPED, by=None)
    order.refresh_from_db()
    assert order.status == OrderStatus.SHIPPED
