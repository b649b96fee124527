"""A refused card never ends the purchase: another card pays the same checkout, once.

Over real HTTP to localstripe, which (unlike Stripe) refuses to confirm a declined
PaymentIntent again: the site must cancel it and pay on a fresh one.
"""

import json
import urllib.request

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from commerce.order.models import Checkout
from commerce.payment.gateway import stripe_client
from tests.payments import DECLINED, THREE_D_SECURE, VISA, pay

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


def succeeded_charges(*intent_ids: str) -> int:
    # localstripe cannot filter charges by intent: read them all (one server per session).
    charges = stripe_client().v1.charges.list(params={"limit": 100}).data
    return sum(1 for c in charges if c.payment_intent in intent_ids and c.status == "succeeded")


def authenticate(localstripe_url: str, client_secret: str, *, success: bool) -> None:
    """What localstripe's Stripe.js does when the shopper passes or fails the challenge."""
    intent_id = client_secret.split("_secret_")[0]
    request = urllib.request.Request(
        f"{localstripe_url}/v1/payment_intents/{intent_id}/_authenticate"
        f"?success={'true' if success else 'false'}",
        data=json.dumps({"key": "pk_test_orne", "client_secret": client_secret}).encode(),
        method="POST",
    )
    urllib.request.urlopen(request, timeout=10).read()


def test_another_card_pays_after_a_decline_with_one_charge_and_orders_once(checkout_page):
    client, checkout = checkout_page
    assert pay(client, DECLINED)["status"] == "failed"
    checkout.refresh_from_db()
    declined_intent = checkout.payment_intent_id

    answer = pay(client, VISA)
    client.get(reverse("orne_checkout:return"))
    client.get(reverse("orne_checkout:return"))

    assert answer["status"] == "succeeded"
    checkout.refresh_from_db()
    assert checkout.payment_intent_id != declined_intent
    assert checkout.status == Checkout.Status.PLACED
    assert Order.objects.filter(checkout=checkout).count() == 2
    old = stripe_client().v1.payment_intents.retrieve(declined_intent)
    new = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    assert (old.status, new.status, int(new.amount)) == ("canceled", "succeeded", 3490)
    assert succeeded_charges(declined_intent, checkout.payment_intent_id) == 1


def test_two_declines_in_a_row_then_a_good_card_still_pays(checkout_page):
    client, checkout = checkout_page

    answers = [pay(client, DECLINED)["status"], pay(client, DECLINED)["status"]]
    answers.append(pay(client, VISA)["status"])
    client.get(reverse("orne_checkout:return"))

    assert answers == ["failed", "failed", "succeeded"]
    assert Order.objects.filter(checkout=checkout).count() == 2


def test_another_card_pays_after_a_failed_three_d_secure(checkout_page, localstripe_url):
    client, checkout = checkout_page
    challenge = pay(client, THREE_D_SECURE)
    assert challenge["status"] == "requires_action"
    authenticate(localstripe_url, challenge["client_secret"], success=False)

    answer = pay(client, VISA)
    client.get(reverse("orne_checkout:return"))

    assert answer["status"] == "succeeded"
    assert Order.objects.filter(checkout=checkout).count() == 2


def test_an_abandoned_challenge_is_cancelled_before_another_card_pays(
    checkout_page, localstripe_url
):
    client, checkout = checkout_page
    challenge = pay(client, THREE_D_SECURE)
    abandoned = challenge["client_secret"].split("_secret_")[0]

    answer = pay(client, VISA)
    client.get(reverse("orne_checkout:return"))

    assert answer["status"] == "succeeded"
    assert stripe_client().v1.payment_intents.retrieve(abandoned).status == "canceled"
    assert Order.objects.filter(checkout=checkout).count() == 2


def test_a_second_card_after_a_late_successful_challenge_is_not_charged(
    checkout_page, localstripe_url
):
    client, checkout = checkout_page
    challenge = pay(client, THREE_D_SECURE)
    # The challenge succeeds in another tab before the second card is sent.
    authenticate(localstripe_url, challenge["client_secret"], success=True)

    answer = pay(client, VISA)
    client.get(reverse("orne_checkout:return"))

    checkout.refresh_from_db()
    assert answer["status"] == "succeeded"
    assert checkout.payment_intent_id == challenge["client_secret"].split("_secret_")[0]
    assert succeeded_charges(checkout.payment_intent_id) == 1
    assert Order.objects.filter(checkout=checkout).count() == 2
