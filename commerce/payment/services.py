"""Paying a checkout with Stripe, and turning a succeeded payment into orders once.

A purchase, step by step:
1. checkout_payment_start: one PaymentIntent for the checkout's server-side amount (cents),
   created with an idempotency key derived from the checkout number;
2. checkout_payment_confirm: under the checkout's row lock, the intent is brought to the
   checkout's amount, the browser's card token attached and the intent confirmed on the
   server; Stripe answers succeeded, requires_action (3-D Secure, finished in the browser by
   stripe.confirmCardPayment) or a decline (the basket stays as it was). An intent that
   already failed once (declined card, failed or abandoned 3-D Secure) is cancelled and
   replaced before the next card: so another card always pays, on Stripe as on
   localstripe (which refuses to confirm a declined intent again). A plan change
   (checkout_plan_replace) takes the same lock and is refused once the card is submitted;
3. payment_succeeded: called by the browser's return AND by the verified webhook; it asks
   Stripe for the intent's real status and amount, places the orders (exactly once, see
   commerce.order.services) and refunds whatever could not be supplied. A paid amount that
   no longer matches the checkout, or orders that cannot be placed, are refunded in full
   and staff are told (commerce.payment.refunds): never charged with neither.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import stripe
from django.db import transaction
from django.utils.translation import gettext as _

from commerce.order.locks import checkout_lock
from commerce.order.models import Checkout
from commerce.order.plan import CheckoutPlan
from commerce.order.services import (
    PlacementResult,
    checkout_place_orders,
    checkout_update_plan,
)
from commerce.order.signals import checkout_orders_placed
from commerce.payment.alerts import staff_alert
from commerce.payment.gateway import amount_in_cents, stripe_client, uses_localstripe
from commerce.payment.models import Refund
from commerce.payment.payouts import checkout_payouts_open_after_commit
from commerce.payment.refunds import (  # noqa: F401  (order_refund: merchants' cancellations)
    checkout_refund_in_full,
    checkout_refund_outstanding,
    order_refund,
)
from commerce.prices import price_text

logger = logging.getLogger(__name__)
# Before these, the card is not submitted yet and the checkout's content may still change.
INTENT_NOT_SUBMITTED = ("requires_payment_method", "requires_confirmation", "canceled")


class PaymentNotSucceeded(Exception):
    """Stripe does not (yet) report this intent as paid."""


class PaymentUnderWay(Exception):
    """The card was submitted for this checkout: its content can no longer change."""


@dataclass(frozen=True)
class PaymentOutcome:
    status: str  # "succeeded", "requires_action" or "failed"
    client_secret: str = ""
    message: str = ""  # French, for the shopper, when failed


def checkout_payment_start(*, checkout: Checkout) -> stripe.PaymentIntent:
    """Create (or bring up to date) the checkout's one PaymentIntent, under the row lock."""
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout.pk)
        intent = _intent_for(checkout=locked)
    checkout.payment_intent_id = locked.payment_intent_id
    return intent


def _intent_for(*, checkout: Checkout) -> stripe.PaymentIntent:
    client = stripe_client()
    cents = amount_in_cents(checkout.amount)
    if checkout.payment_intent_id:
        intent = client.v1.payment_intents.retrieve(checkout.payment_intent_id)
        # localstripe answers an updated amount as a string: compare integers.
        if int(intent.amount) != cents and intent.status in INTENT_NOT_SUBMITTED[:2]:
            intent = client.v1.payment_intents.update(intent.id, params={"amount": cents})
        return intent
    # A retried request (network error, double click) gets the same intent back.
    intent = client.v1.payment_intents.create(
        params=_intent_params(checkout=checkout),
        options={"idempotency_key": f"checkout-{checkout.number}-{cents}"},
    )
    checkout.payment_intent_id = intent.id
    checkout.save(update_fields=["payment_intent_id"])
    return intent


def _intent_params(*, checkout: Checkout) -> dict:
    params = {
        "amount": amount_in_cents(checkout.amount),
        "currency": checkout.currency.lower(),
        "metadata": {"checkout": checkout.number},
    }
    if not uses_localstripe():
        # Stripe Connect, next: one transfer per merchant order in this group (separate
        # charges and transfers). localstripe refuses the parameter, Stripe accepts it.
        params["transfer_group"] = checkout.number
    return params


def checkout_payment_is_under_way(*, checkout: Checkout) -> bool:
    """True once the card was submitted: from then on the checkout's content is frozen."""
    if not checkout.payment_intent_id:
        return False
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    return intent.status not in INTENT_NOT_SUBMITTED


def checkout_plan_replace(
    *,
    checkout_id: int,
    plan: CheckoutPlan,
    email: str,
    phone: str = "",
    name: str = "",
    shipping_address: dict | None = None,
) -> Checkout:
    """Give a pending checkout new content; raises PaymentUnderWay once its card is submitted.

    Checked under the row lock that checkout_payment_confirm holds while it confirms, so a
    confirmation never charges an amount this rewrites.
    """
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout_id)
        if locked.status != Checkout.Status.PENDING or checkout_payment_is_under_way(
            checkout=locked
        ):
            raise PaymentUnderWay(locked.number)
        return checkout_update_plan(
            checkout=locked,
            plan=plan,
            email=email,
            phone=phone,
            name=name,
            shipping_address=shipping_address,
        )


def checkout_payment_confirm(*, checkout: Checkout, card_token: str) -> PaymentOutcome:
    """Attach the browser's card (a Stripe token id) to the intent and confirm it.

    The checkout is re-read under its row lock, held until Stripe has answered: the amount
    confirmed is the checkout's amount at that moment, and no plan change slips in between.
    """
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout.pk)
        if locked.status != Checkout.Status.PENDING:
            return PaymentOutcome(status="failed", message=_("Ce paiement a expiré."))
        return _intent_confirm(checkout=locked, card_token=card_token)


def _intent_confirm(*, checkout: Checkout, card_token: str) -> PaymentOutcome:
    client = stripe_client()
    try:
        intent = _intent_for(checkout=checkout)
        if intent.status in ("succeeded", "processing"):
            # Paid already (another tab, a 3-D Secure finished late): never a second charge.
            return PaymentOutcome(status="succeeded", client_secret=intent.client_secret)
        if _intent_failed_before(intent):
            intent = _intent_replace(client=client, checkout=checkout, old=intent)
            if intent.status in ("succeeded", "processing"):
                return PaymentOutcome(status="succeeded", client_secret=intent.client_secret)
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


def _intent_failed_before(intent: stripe.PaymentIntent) -> bool:
    # A decline or a failed challenge leaves last_payment_error; an abandoned challenge
    # leaves requires_action. Either way the next card goes on a fresh intent.
    return bool(getattr(intent, "last_payment_error", None)) or intent.status in (
        "requires_action",
        "canceled",
    )


def _intent_replace(
    *, client: stripe.StripeClient, checkout: Checkout, old: stripe.PaymentIntent
) -> stripe.PaymentIntent:
    """Cancel the checkout's failed intent and give it a new one (under the row lock).

    The cancel comes first: if Stripe refuses it because the old intent was paid meanwhile,
    that paid intent is kept and nothing new is created, so one checkout is charged once.
    """
    if old.status != "canceled":
        try:
            client.v1.payment_intents.cancel(old.id)
        except stripe.InvalidRequestError:
            current = client.v1.payment_intents.retrieve(old.id)
            if current.status in ("succeeded", "processing"):
                return current
            raise
    intent = client.v1.payment_intents.create(
        params=_intent_params(checkout=checkout),
        # The same replacement asked twice (double click) gets the same new intent.
        options={"idempotency_key": f"checkout-{checkout.number}-replaces-{old.id}"},
    )
    checkout.payment_intent_id = intent.id
    checkout.save(update_fields=["payment_intent_id"])
    logger.info("Checkout %s: intent %s replaced by %s", checkout.number, old.id, intent.id)
    return intent


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
        "card_declined": _(
            "Votre banque a refusé le paiement. Votre panier est conservé : "
            "vous pouvez payer avec une autre carte."
        ),
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
    same orders. Stripe is asked for the intent: a browser cannot claim a payment. A result
    without orders whose checkout is FAILED was refunded in full (amount changed, or the
    orders could not be placed).
    """
    checkout = Checkout.objects.get(payment_intent_id=payment_intent_id)
    intent = stripe_client().v1.payment_intents.retrieve(payment_intent_id)
    if intent.status != "succeeded":
        raise PaymentNotSucceeded(f"{payment_intent_id}: {intent.status}")
    paid = int(intent.amount)
    if _amount_mismatch_refunded(checkout=checkout, paid_cents=paid):
        checkout.refresh_from_db()
        return PlacementResult(checkout=checkout, placed_now=False)
    try:
        result = checkout_place_orders(checkout_id=checkout.pk)
    except Exception as error:
        logger.exception("Orders of the paid checkout %s could not be placed", checkout.number)
        checkout_refund_in_full(
            checkout_id=checkout.pk,
            kind=Refund.Kind.PLACEMENT_FAILED,
            paid_cents=paid,
            reason=_("les commandes n'ont pas pu être passées (%(error)s).") % {"error": error},
        )
        checkout.refresh_from_db()
        return PlacementResult(checkout=checkout, placed_now=False)
    _missing_stock_refund(checkout=result.checkout)
    if result.placed_now:
        checkout_id = result.checkout.pk
        # One ledger record per shop order (commerce.payment.payouts).
        checkout_payouts_open_after_commit(checkout_id=checkout_id)
        transaction.on_commit(lambda: _orders_placed_announce(checkout_id=checkout_id))
    return result


def _amount_mismatch_refunded(*, checkout: Checkout, paid_cents: int) -> bool:
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout.pk)
        expected = amount_in_cents(locked.amount)
        if locked.status != Checkout.Status.PENDING or paid_cents == expected:
            return False
        return checkout_refund_in_full(
            checkout_id=locked.pk,
            kind=Refund.Kind.AMOUNT_MISMATCH,
            paid_cents=paid_cents,
            reason=_("%(paid)s centimes payés pour un panier de %(expected)s centimes.")
            % {"paid": paid_cents, "expected": expected},
        )


def _missing_stock_refund(*, checkout: Checkout) -> None:
    try:
        checkout_refund_outstanding(checkout=checkout)
    except stripe.StripeError as error:
        # The orders stand; the refund row rolled back, so the next call (webhook, return
        # page) asks again with the same key. Staff know it is owed meanwhile.
        staff_alert(
            subject=_("Remboursement en attente pour %(number)s") % {"number": checkout.number},
            message=_("Stripe a refusé le remboursement de %(amount)s : %(error)s")
            % {"amount": price_text(checkout.refund_due), "error": error},
        )


def _orders_placed_announce(*, checkout_id: int) -> None:
    # Commerce knows no shops: the layers above connect what to do (e-mails, in checkout/).
    for receiver, outcome in checkout_orders_placed.send_robust(
        sender=Checkout, checkout_id=checkout_id
    ):
        if isinstance(outcome, Exception):
            # The orders are placed and paid; a mail server down must not turn that into
            # an error page or a webhook retry.
            logger.error(
                "Receiver %s failed for checkout %s",
                receiver,
                checkout_id,
                exc_info=(type(outcome), outcome, outcome.__traceback__),
            )
