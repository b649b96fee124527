"""Each merchant handles its own order of a shared basket in the back office."""

from datetime import time
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model

from checkout.fulfilment import pickup_slots
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import FulfilmentMode
from commerce.order.services import checkout_create
from commerce.order.statuses import OrderStatus
from commerce.payment.gateway import stripe_client
from commerce.payment.services import (
    checkout_payment_confirm,
    checkout_payment_start,
    payment_succeeded,
)
from tests.factories import merchant_hours_set, shop_onboard
from tests.payments import ADDRESS, VISA, card_token

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_basket(stripe_settings, article, basket_of, communes):
    """Alpha delivers a cheese, Beta keeps a book for pickup: one payment, two orders."""
    home, _, _ = communes
    alpha = shop_onboard(name="Alpha Fromages", email="alpha@example.org")
    beta = shop_onboard(name="Beta Livres", email="beta@example.org")
    alpha.offers_delivery = True
    alpha.delivery_fee = Decimal("4.50")
    alpha.save()
    alpha.delivery_communes.set([home])
    merchant_hours_set(merchant=beta, hours=[(day, time(0), time(23, 59)) for day in range(7)])
    cheese = article(alpha, price="6.20", stock=10, title="Camembert")
    book = article(beta, price="18.00", stock=3, title="Le Horla")
    now = timezone.now()
    basket = basket_of([(cheese, 2), (book, 1)])
    groups = basket_groups_by_merchant(basket=basket)
    slot = pickup_slots(merchant=beta, now=now)[0]
    plan = checkout_plan_build(
        groups=groups,
        choices={
            alpha.pk: FulfilmentChoice(FulfilmentMode.DELIVERY),
            beta.pk: FulfilmentChoice(FulfilmentMode.CLICK_COLLECT, slot.key),
        },
        commune=home,
        now=now,
    )
    checkout = checkout_create(
        plan=plan, email="marie@example.org", basket=basket, shipping_address=ADDRESS
    )
    checkout_payment_start(checkout=checkout)
    assert checkout_payment_confirm(checkout=checkout, card_token=card_token(VISA)).status == (
        "succeeded"
    )
    payment_succeeded(payment_intent_id=checkout.payment_intent_id)
    order_a = Order.objects.get(lines__partner=alpha.partner)
    order_b = Order.objects.get(lines__partner=beta.partner)
    return alpha, beta, order_a, order_b, book


def set_status(client, order, status):
    """The order page's button; a cancellation is confirmed on its own page, as a user does."""
    if status == OrderStatus.CANCELLED:
        return client.post(f"/admin/commandes/cancel/{order.pk}/")
    return client.post(f"/admin/commandes/edit/{order.pk}/", {"status": status})


def test_a_merchant_takes_its_pickup_order_to_collected_and_the_shopper_hears_each_step(
    client, paid_basket, django_capture_on_commit_callbacks
):
    _, beta, _, order_b, _ = paid_basket
    client.force_login(beta.users.get())
    mail.outbox.clear()

    for status in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED):
        with django_capture_on_commit_callbacks(execute=True):
            response = set_status(client, order_b, status)
        assert response.status_code == 302, response.content.decode()[:500]

    order_b.refresh_from_db()
    assert order_b.status == OrderStatus.COLLECTED
    assert [m.subject for m in mail.outbox] == [
        f"Votre commande {order_b.number} : En préparation",
        f"Votre commande {order_b.number} : Prête à retirer",
        f"Votre commande {order_b.number} : Retirée",
    ]
    assert all(m.to == ["marie@example.org"] for m in mail.outbox)


def test_the_other_merchant_takes_its_delivery_order_to_delivered(client, paid_basket):
    alpha, _, order_a, order_b, _ = paid_basket
    client.force_login(alpha.users.get())
    for status in (OrderStatus.PREPARING, OrderStatus.SHIPPED, OrderStatus.DELIVERED):
        assert set_status(client, order_a, status).status_code == 302
    order_a.refresh_from_db()
    order_b.refresh_from_db()
    assert (order_a.status, order_b.status) == (OrderStatus.DELIVERED, OrderStatus.RECEIVED)
    assert list(order_a.status_changes.order_by("pk").values_list("new_status", flat=True)) == [
        OrderStatus.PREPARING,
        OrderStatus.SHIPPED,
        OrderStatus.DELIVERED,
    ]


def test_a_pickup_order_cannot_be_marked_shipped(client, paid_basket):
    _, beta, _, order_b, _ = paid_basket
    client.force_login(beta.users.get())
    set_status(client, order_b, OrderStatus.PREPARING)
    response = client.post(
        f"/admin/commandes/edit/{order_b.pk}/", {"status": OrderStatus.SHIPPED}, follow=True
    )
    assert "ne peut pas passer à « Expédiée »" in response.content.decode()
    order_b.refresh_from_db()
    assert order_b.status == OrderStatus.PREPARING


def test_cancelling_refunds_only_that_merchants_part_and_frees_its_stock(client, paid_basket):
    _, beta, order_a, order_b, book = paid_basket
    client.force_login(beta.users.get())

    assert set_status(client, order_b, OrderStatus.CANCELLED).status_code == 302

    refunds = stripe_client().v1.refunds.list(
        params={"payment_intent": order_b.checkout.payment_intent_id}
    )
    assert [refund.amount for refund in refunds.data] == [1800]
    book.refresh_from_db()
    assert book.num_allocated == 0
    order_a.refresh_from_db()
    assert order_a.status == OrderStatus.RECEIVED
    order_b.checkout.refresh_from_db()
    assert order_b.checkout.refunded_amount == Decimal("18.00")


def test_a_cancellation_shows_its_refund_and_who_made_it_on_the_order_page(client, paid_basket):
    _, beta, order_a, order_b, book = paid_basket
    merchant_user = beta.users.get()
    client.force_login(merchant_user)
    set_status(client, order_b, OrderStatus.CANCELLED)

    history = client.get(f"/admin/commandes/edit/{order_b.pk}/").content.decode()

    assert "Remboursement : Commande annulée" in history
    assert "18,00\u202f€" in history
    assert "Statut : « Reçue » → « Annulée »" in history
    assert merchant_user.get_username() in history  # onboarded accounts have no name yet


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_merchant_cannot_see_or_change_the_other_merchants_order_of_the_same_basket(
    client, paid_basket, method
):
    alpha, _, order_a, order_b, _ = paid_basket
    client.force_login(alpha.users.get())
    for url in (
        f"/admin/commandes/edit/{order_b.pk}/",
        f"/admin/commandes/inspect/{order_b.pk}/",
        f"/admin/commandes/history/{order_b.pk}/",
        f"/admin/commandes/delete/{order_b.pk}/",
    ):
        data = {"status": OrderStatus.CANCELLED} if method == "post" else None
        assert getattr(client, method)(url, data).status_code == 404, url
    listing = client.get("/admin/commandes/").content.decode()
    assert order_a.number in listing and order_b.number not in listing
    order_b.refresh_from_db()
    assert order_b.status == OrderStatus.RECEIVED
