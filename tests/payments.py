"""Paying and sending webhooks the way Stripe.js and Stripe do, against localstripe.

Cards are tokenised by localstripe; webhook payloads are signed with the test secret exactly
as Stripe signs them, so the site's verification runs for real.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from checkout.fulfilment import pickup_slots
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.services import checkout_create
from commerce.order.statuses import OrderStatus
from commerce.partner.strategy import Selector
from commerce.payment.connect import payout_account_apply, payout_account_onboarding_url
from commerce.payment.gateway import stripe_client
from commerce.payment.models import PayoutAccount
from commerce.payment.services import (
    checkout_payment_confirm,
    checkout_payment_start,
    payment_succeeded,
)
from merchants.services.orders import merchant_order_set_status

VISA = "4242424242424242"
DECLINED = "4000000000000341"
THREE_D_SECURE = "4000002760003184"
ADDRESS = {
    "first_name": "Marie",
    "last_name": "Lefèvre",
    "line1": "3 rue aux Sieurs",
    "postcode": "61000",
    "city": "Alençon",
}
WEBHOOK_SECRET = "whsec_orne_test"


def card_token(number: str) -> str:
    token = stripe_client().v1.tokens.create(
        params={"card": {"number": number, "exp_month": "12", "exp_year": "2030", "cvc": "123"}}
    )
    return token.id


def pay(client, number: str, **extra) -> dict:
    response = client.post(
        reverse("orne_checkout:pay"),
        json.dumps({"token": card_token(number), **extra}),
        content_type="application/json",
    )
    return response.json()


def signed(payload: bytes, secret: str = WEBHOOK_SECRET) -> str:
    timestamp = int(time.time())
    signature = hmac.new(
        secret.encode(), b"%d.%s" % (timestamp, payload), hashlib.sha256
    ).hexdigest()
    return f"t={timestamp},v1={signature}"


def event_payload(event_type: str, data: dict, event_id: str = "evt_orne_1") -> bytes:
    return json.dumps(
        {
            "id": event_id,
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "data": data,
        }
    ).encode()


def succeeded_event(payment_intent_id: str, event_id: str = "evt_orne_1") -> bytes:
    intent = stripe_client().v1.payment_intents.retrieve(payment_intent_id)
    return event_payload("payment_intent.succeeded", {"object": intent.to_dict()}, event_id)


def post_webhook(client, payload: bytes, signature: str | None = None):
    return client.post(
        reverse("payment:stripe-webhook"),
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature if signature is not None else signed(payload),
    )


PICKED_UP = (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED)


def account_enable(shop) -> PayoutAccount:
    """The shop goes through onboarding, then Stripe reports its account enabled."""
    payout_account_onboarding_url(
        partner=shop.partner,
        email=shop.email,
        refresh_url="https://orne.example/admin/paiements/lien/",
        return_url="https://orne.example/admin/paiements/retour/",
    )
    account = PayoutAccount.objects.get(partner=shop.partner)
    return payout_account_apply(
        account_data={
            "id": account.stripe_account_id,
            "details_submitted": True,
            "payouts_enabled": True,
            "capabilities": {"transfers": "active"},
            "requirements": {"currently_due": [], "past_due": []},
        }
    )


def hand_over(order, capture):
    for status in PICKED_UP:
        with capture(execute=True):
            merchant_order_set_status(order_id=order.pk, status=status, by=None)


def paid_pickup_order(*, shop, items, email: str = "marie@example.org"):
    """One shop's click & collect order placed the real way: basket, plan, checkout, a card
    paid on localstripe, the payment's confirmation placing the order (its e-mails sent).

    ``items`` is [(stock record, quantity), ...] of ``shop``; the shop needs opening hours.
    Returns the order. What follows the commit (e-mails, the shop's ledger record) runs
    when the caller's transaction commits, or inside django_capture_on_commit_callbacks.
    """
    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = Selector().strategy()
    for record, quantity in items:
        basket.add_product(record.product, quantity)
    now = timezone.now()
    slot = pickup_slots(merchant=shop, now=now)[0]
    plan = checkout_plan_build(
        groups=basket_groups_by_merchant(basket=basket),
        choices={shop.pk: FulfilmentChoice(FulfilmentMode.CLICK_COLLECT, slot.key)},
        commune=None,
        now=now,
    )
    checkout = checkout_create(plan=plan, email=email, basket=basket)
    checkout_payment_start(checkout=checkout)
    outcome = checkout_payment_confirm(checkout=checkout, card_token=card_token(VISA))
    assert outcome.status == "succeeded", outcome
    payment_succeeded(payment_intent_id=checkout.payment_intent_id)
    return get_model("order", "Order").objects.get(checkout=checkout)
