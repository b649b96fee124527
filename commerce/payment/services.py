"""Paying a checkout with Stripe, and turning a succeeded payment into orders once.

A purchase, step by step:
1. checkout_payment_start: one PaymentIntent for the checkout's server-side amount (cents),
   created with an idempotency key derived from the checkout number;
2. checkout_payment_confirm: the browser's card token is attached and the intent confirmed
   on the server; Stripe answers succeeded, requires_action (3-D Secure, finished in the
   browser by stripe.confirmCardPayment) or a decline (the basket stays as it was);
3. payment_succeeded: called by the browser's return AND by the verified webhook; it asks
   Stripe for the intent's real status and amount, places the orders (exactly once, see
   commerce.order.services) and refunds whatever could not be supplied.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from commerce.order.models import Checkout
from commerce.order.services import PlacementResult, checkout_place_orders
from commerce.payment.gateway import amount_in_cents, stripe_client, uses_localstripe
from commerce.payment.models import StripeEvent

logger = logging.getLogger(__name__)


class PaymentNotSucceeded(Exception):
    """Stripe does not (yet) report this intent as paid for the checkout's amount."""


@dataclass(frozen=True)
class PaymentOutcome:
    status: str  # "succeeded", "requires_action" or "failed"
    client_secret: str = ""
    message: str = ""  # French, for the shopper, when failed


def checkout_payment_start(*, checkout: Checkout) -> stripe.PaymentIntent:
    """Create (or bring up to date) the checkout's one PaymentIntent."""
    client = stripe_client()
    cents = amount_in_cents(checkout.amount)
    if checkout.payment_intent_id:
        intent = client.v1.payment_intents.retrieve(checkout.payment_intent_id)
        if intent.amount != cents and intent.status in (
            "requires_payment_method",
            "requires_confirmation",
        ):
            intent = client.v1.payment_intents.update(intent.id, params={"amount": cents})
        return intent
    # A retried request (network error, double click) gets the same intent back.
    params = {
        "amount": cents,
        "currency": checkout.currency.lower(),
        "metadata": {"checkout": checkout.number},
    }
    if not uses_localstripe():
        # Stripe Connect, next: one transfer per merchant order in this group (separate
        # charges and transfers). localstripe refuses the parameter, Stripe accepts it.
        params["transfer_group"] = checkout.number
    intent = client.v1.payment_intents.create(
        params=params,
        options={"idempotency_key": f"checkout-{checkout.number}-{cents}"},
    )
    checkout.payment_intent_id = intent.id
    checkout.save(update_fields=["payment_intent_id"])
    return intent


def checkout_payment_is_under_way(*, checkout: Checkout) -> bool:
    """True once the card was submitted: from then on the checkout's content is frozen."""
    if not checkout.payment_intent_id:
        return False
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    return intent.status not in ("requires_payment_method", "requires_confirmation", "canceled")


def checkout_payment_confirm(*, checkout: Checkout, card_token: str) -> PaymentOutcome:
    """Attach the browser's card (a Stripe token id) to the intent and confirm it."""
    client = stripe_client()
    try:
        intent = checkout_payment_start(checkout=checkout)
        payment_method = _payment_method_for_token(client=client, card_token=card_token)
        client.v1.payment_intents.update(intent.id, params={"payment_method": payment_method})
        intent = client.v1.payment_intents.confirm(intent.id)
    except stripe.CardError as error:
        return PaymentOutcome(status="failed", message=_decline_message(error.code))
    except stripe.InvalidRequestError as error:
        logger.warning("Stripe refused a confirmation for %s: %s", checkout.number, error)
        return PaymentOutcome(status="failed", message=_decline_message(None))
    if intent.status == "requires_action":
        return PaymentOutcome(status="requires_action", client_secret=intent.client_secret)
    if intent.status in ("succeeded", "processing"):
        return PaymentOutcome(status="succeeded", client_secret=intent.client_secret)
    return PaymentOutcome(status="failed", message=_decline_message(None))


def _payment_method_for_token(*, client: stripe.StripeClient, card_token: str) -> str:
    # Stripe turns a card token into a PaymentMethod; localstripe only accepts raw card
    # numbers there, but takes the token's card id as the intent's payment method.
    token = client.v1.tokens.retrieve(card_token)
    if uses_localstripe():
        return token.card.id
    method = client.v1.payment_methods.create(
        params={"type": "card", "card": {"token": card_token}}
    )
    return method.id


def _decline_message(code: str | None) -> str:
    messages = {
        "card_declined": _("Votre banque a refusé le paiement. Votre panier est conservé."),
        "insufficient_funds": _("Provision insuffisante. Votre panier est conservé."),
        "expired_card": _("Votre carte a expiré. Votre panier est conservé."),
        "incorrect_cvc": _("Le cryptogramme est incorrect. Votre panier est conservé."),
    }
    return messages.get(
        code or "", _("Le paiement n'a pas abouti. Votre panier est conservé, réessayez.")
    )


def payment_succeeded(*, payment_intent_id: str) -> PlacementResult:
    """Place the orders of a paid checkout once, then refund what could not be supplied.

    Whoever calls first (browser return or webhook) places the orders; later calls get the
    same orders. Stripe is asked for the intent: a browser cannot claim a payment.
    """
    checkout = Checkout.objects.get(payment_intent_id=payment_intent_id)
    intent = stripe_client().v1.payment_intents.retrieve(payment_intent_id)
    if intent.status != "succeeded" or intent.amount != amount_in_cents(checkout.amount):
        raise PaymentNotSucceeded(f"{payment_intent_id}: {intent.status}, {intent.amount}")
    result = checkout_place_orders(checkout_id=checkout.pk)
    checkout_refund_outstanding(checkout=result.checkout)
    if result.placed_now:
        checkout_id = result.checkout.pk
        transaction.on_commit(lambda: _orders_placed_handlers_run(checkout_id=checkout_id))
    return result


def _orders_placed_handlers_run(*, checkout_id: int) -> None:
    # Commerce knows no shops: the site names who is told (e-mails live in merchants).
    for path in settings.CHECKOUT_ORDERS_PLACED_HANDLERS:
        try:
            import_string(path)(checkout_id=checkout_id)
        except Exception:
            # The orders are placed and paid; a mail server down must not turn that into
            # an error page or a webhook retry.
            logger.exception("Handler %s failed for checkout %s", path, checkout_id)


def checkout_refund_outstanding(*, checkout: Checkout) -> Decimal:
    """Refund what is due and not yet refunded; safe to call again (idempotent keys)."""
    checkout.refresh_from_db(fields=["refund_due", "refunded_amount"])
    missing = checkout.refund_due - checkout.refunded_amount
    if missing <= 0:
        return Decimal("0.00")
    stripe_client().v1.refunds.create(
        params={"payment_intent": checkout.payment_intent_id, "amount": amount_in_cents(missing)},
        options={
            "idempotency_key": f"refund-{checkout.number}-{amount_in_cents(checkout.refund_due)}"
        },
    )
    Checkout.objects.filter(pk=checkout.pk).update(refunded_amount=checkout.refund_due)
    checkout.refunded_amount = checkout.refund_due
    return missing


def stripe_event_handle(*, event: stripe.Event) -> bool:
    """Handle a verified webhook event once; False if this event id was already handled.

    The event is recorded in the same transaction as its effect: if handling fails, the
    record rolls back too and Stripe's retry is handled afresh.
    """
    is_intent = event.type.startswith("payment_intent.")
    intent_id = str(getattr(event.data.object, "id", "")) if is_intent else ""
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(
                    event_id=event.id, type=event.type, payment_intent_id=intent_id
                )
        except IntegrityError:
            return False
        if event.type == "payment_intent.succeeded" and _is_ours(intent_id):
            payment_succeeded(payment_intent_id=intent_id)
    return True


def _is_ours(payment_intent_id: str) -> bool:
    return Checkout.objects.filter(payment_intent_id=payment_intent_id).exists()


def order_refund(*, order) -> Decimal:
    """Refund one merchant's order in full (its lines and its shipping) on the basket's payment.

    The idempotency key is the order number: a retried cancellation never refunds twice.
    """
    checkout = order.checkout
    if checkout is None or not checkout.payment_intent_id or order.total_incl_tax <= 0:
        return Decimal("0.00")
    stripe_client().v1.refunds.create(
        params={
            "payment_intent": checkout.payment_intent_id,
            "amount": amount_in_cents(order.total_incl_tax),
        },
        options={"idempotency_key": f"refund-order-{order.number}"},
    )
    Checkout.objects.filter(pk=checkout.pk).update(
        refunded_amount=F("refunded_amount") + order.total_incl_tax
    )
    return order.total_incl_tax
