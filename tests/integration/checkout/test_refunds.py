"""Refunds on a basket's one payment: each reason refunded once, none hidden by another.

Over real HTTP to localstripe; what the shopper got back is read from localstripe's own
refund list, what the site knows from its Refund rows.
"""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from oscar.core.loading import get_model

from commerce.order.models import Checkout
from commerce.order.services import checkout_place_orders
from commerce.order.statuses import OrderStatus
from commerce.payment.gateway import stripe_client
from commerce.payment.models import Refund
from merchants.services.orders import merchant_order_set_status
from tests.payments import ADDRESS, VISA, pay, post_webhook, succeeded_event

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


def stripe_refunds(checkout: Checkout) -> list[int]:
    listed = stripe_client().v1.refunds.list(params={"payment_intent": checkout.payment_intent_id})
    return sorted(refund.amount for refund in listed.data)


@pytest.fixture
def treasurer(settings):
    settings.MANAGERS = [("Trésorerie du Département", "tresorerie@example.org")]
    return "tresorerie@example.org"


def test_missing_stock_is_refunded_even_after_another_order_of_the_basket_was_cancelled(
    checkout_page, two_shop_basket
):
    client, checkout = checkout_page
    camembert = two_shop_basket[3]
    pay(client, VISA)
    camembert.num_allocated = camembert.num_in_stock - 1  # one of the two Camemberts is left
    camembert.save()
    checkout_place_orders(checkout_id=checkout.pk)  # placed; its refund not asked yet
    book_order = Order.objects.get(lines__title="Le Horla")
    merchant_order_set_status(order_id=book_order.pk, status=OrderStatus.CANCELLED, by=None)

    client.get(reverse("orne_checkout:return"))

    assert stripe_refunds(checkout) == [620, 1800]
    assert sorted(Refund.objects.values_list("kind", "amount")) == [
        ("missing_stock", Decimal("6.20")),
        ("order_cancelled", Decimal("18.00")),
    ]
    checkout.refresh_from_db()
    assert checkout.refunded_amount == Decimal("24.20")


def test_a_cancelled_order_is_refunded_once_however_often_it_is_asked(checkout_page):
    from commerce.payment.services import order_refund

    client, checkout = checkout_page
    pay(client, VISA)
    client.get(reverse("orne_checkout:return"))
    book_order = Order.objects.get(lines__title="Le Horla")

    amounts = [order_refund(order=book_order) for _ in range(3)]

    assert amounts == [Decimal("18.00"), Decimal("0.00"), Decimal("0.00")]
    assert stripe_refunds(checkout) == [1800]
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PARTIALLY_REFUNDED


def test_a_payment_whose_amount_no_longer_matches_is_refunded_in_full_and_staff_told(
    checkout_page, treasurer, django_capture_on_commit_callbacks
):
    client, checkout = checkout_page
    pay(client, VISA)
    # The checkout's content changed after the card was charged for 34.90 €.
    Checkout.objects.filter(pk=checkout.pk).update(amount=Decimal("30.40"))

    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(reverse("orne_checkout:return"), follow=True)
        webhook = post_webhook(client, succeeded_event(checkout.payment_intent_id))

    assert "vous est intégralement remboursé" in page.content.decode()
    assert webhook.status_code == 200
    assert stripe_refunds(checkout) == [3490]
    assert list(Refund.objects.values_list("kind", "amount")) == [
        ("amount_mismatch", Decimal("34.90"))
    ]
    checkout.refresh_from_db()
    assert (checkout.status, checkout.orders.count()) == (Checkout.Status.FAILED, 0)
    alerts = [m for m in mail.outbox if treasurer in m.to]
    assert len(alerts) == 1 and checkout.number in alerts[0].subject


def test_a_paid_checkout_whose_orders_cannot_be_placed_is_refunded_and_staff_told(
    checkout_page, two_shop_basket, treasurer, django_capture_on_commit_callbacks
):
    client, checkout = checkout_page
    camembert = two_shop_basket[3]
    pay(client, VISA)
    checkout.refresh_from_db()
    checkout.plan["groups"][0]["fulfilment_mode"] = "drone"  # a plan placement cannot use
    checkout.save(update_fields=["plan"])

    with django_capture_on_commit_callbacks(execute=True):
        webhook = post_webhook(client, succeeded_event(checkout.payment_intent_id))
        page = client.get(reverse("orne_checkout:return"), follow=True)

    assert webhook.status_code == 200
    assert "vous est intégralement remboursé" in page.content.decode()
    assert stripe_refunds(checkout) == [3490]
    assert list(Refund.objects.values_list("kind", flat=True)) == ["placement_failed"]
    checkout.refresh_from_db()
    assert (checkout.status, checkout.orders.count()) == (Checkout.Status.FAILED, 0)
    camembert.refresh_from_db()
    assert camembert.net_stock_level == 10
    assert [m.subject for m in mail.outbox if treasurer in m.to] == [
        f"[Django] Paiement {checkout.number} remboursé automatiquement"
    ]


def test_a_basket_changed_before_paying_is_charged_and_placed_at_its_new_amount(
    checkout_page, two_shop_basket
):
    client, checkout = checkout_page
    _, cheese, books, *_ = two_shop_basket
    page = client.get(reverse("orne_checkout:start"))
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    # Back to the choices: the cheese is collected now, no delivery fee (30.40 €).
    client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "click_collect",
            f"slot_{cheese.pk}": page.context["form"].fields[f"slot_{cheese.pk}"].choices[1][0],
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
            **ADDRESS,
        },
    )
    client.get(reverse("orne_checkout:payment"))

    assert pay(client, VISA)["status"] == "succeeded"
    client.get(reverse("orne_checkout:return"))

    checkout.refresh_from_db()
    assert checkout.amount == Decimal("30.40")
    assert sum(o.total_incl_tax for o in checkout.orders.all()) == Decimal("30.40")
    assert not Refund.objects.exists()
