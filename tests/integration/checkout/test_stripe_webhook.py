"""Stripe's webhook beyond the payment itself: odd events, dashboard refunds, disputes, and
the shopper coming back after the webhook already placed the orders."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from commerce.order.models import Checkout
from commerce.payment.gateway import stripe_client
from commerce.payment.models import Dispute, Refund, StripeEvent
from tests.payments import VISA, event_payload, pay, post_webhook, succeeded_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(checkout_page):
    """Paid by card and placed through the browser's return: two orders."""
    client, checkout = checkout_page
    pay(client, VISA)
    client.get(reverse("orne_checkout:return"))
    checkout.refresh_from_db()
    return client, checkout


def charge_of(checkout: Checkout) -> dict:
    client = stripe_client()
    intent = client.v1.payment_intents.retrieve(checkout.payment_intent_id)
    charge_id = getattr(intent.latest_charge, "id", intent.latest_charge)
    return client.v1.charges.retrieve(charge_id).to_dict()


def test_a_signed_webhook_without_an_object_is_answered_200_and_recorded(client, stripe_settings):
    response = post_webhook(client, event_payload("payment_intent.succeeded", {}))

    assert response.status_code == 200
    assert StripeEvent.objects.get().event_id == "evt_orne_1"


def test_a_webhook_of_an_unknown_type_is_answered_200_and_changes_nothing(paid):
    client, checkout = paid
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)

    response = post_webhook(
        client,
        event_payload("payment_intent.amount_capturable_updated", {"object": intent.to_dict()}),
    )

    assert response.status_code == 200
    checkout.refresh_from_db()
    assert (checkout.status, checkout.orders.count()) == (Checkout.Status.PLACED, 2)


def test_a_refund_made_in_the_stripe_dashboard_is_recorded_once(paid):
    client, checkout = paid
    # Council staff refund 5 € by hand in Stripe's dashboard.
    stripe_client().v1.refunds.create(
        params={"payment_intent": checkout.payment_intent_id, "amount": 500}
    )
    payload = event_payload("charge.refunded", {"object": charge_of(checkout)}, "evt_refund_1")
    replay = event_payload("charge.refunded", {"object": charge_of(checkout)}, "evt_refund_2")

    answers = [post_webhook(client, body).status_code for body in (payload, payload, replay)]

    assert answers == [200, 200, 200]
    refund = Refund.objects.get()
    assert (refund.kind, refund.amount) == ("stripe_dashboard", Decimal("5.00"))
    assert refund.stripe_refund_id.startswith("re_")
    checkout.refresh_from_db()
    assert checkout.refunded_amount == Decimal("5.00")
    assert checkout.status == Checkout.Status.PARTIALLY_REFUNDED


def test_a_refund_the_site_made_is_not_recorded_again_from_the_webhook(paid):
    from commerce.payment.services import order_refund

    client, checkout = paid
    order_refund(order=checkout.orders.order_by("number").last())

    response = post_webhook(
        client, event_payload("charge.refunded", {"object": charge_of(checkout)})
    )

    assert response.status_code == 200
    assert list(Refund.objects.values_list("kind", flat=True)) == ["order_cancelled"]


def test_a_dispute_is_recorded_on_the_checkout_and_staff_are_told(
    paid, settings, django_capture_on_commit_callbacks
):
    client, checkout = paid
    settings.MANAGERS = [("Trésorerie du Département", "tresorerie@example.org")]
    dispute = {
        "id": "dp_orne_1",
        "object": "dispute",
        "amount": 3490,
        "charge": charge_of(checkout)["id"],
        "payment_intent": checkout.payment_intent_id,
        "reason": "fraudulent",
        "status": "needs_response",
    }
    payload = event_payload("charge.dispute.created", {"object": dispute}, "evt_dispute_1")

    with django_capture_on_commit_callbacks(execute=True):
        answers = [post_webhook(client, payload).status_code for _ in range(2)]

    assert answers == [200, 200]
    recorded = Dispute.objects.get()
    assert (recorded.checkout, recorded.amount, recorded.reason) == (
        checkout,
        Decimal("34.90"),
        "fraudulent",
    )
    alerts = [m for m in mail.outbox if "tresorerie@example.org" in m.to]
    assert len(alerts) == 1 and "34,90\u202f€" in alerts[0].body


def test_the_return_page_shows_the_confirmation_when_the_webhook_placed_the_orders_first(
    checkout_page,
):
    client, checkout = checkout_page
    pay(client, VISA)
    checkout.refresh_from_db()
    assert post_webhook(client, succeeded_event(checkout.payment_intent_id)).status_code == 200

    page = client.get(reverse("orne_checkout:return"), follow=True)

    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == reverse(
        "orne_checkout:confirmation", kwargs={"number": checkout.number}
    )
    content = page.content.decode()
    assert "Merci pour votre commande" in content
    assert all(order.number in content for order in checkout.orders.all())
