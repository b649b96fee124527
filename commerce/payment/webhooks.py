"""What a verified Stripe webhook event does, once per event id.

1. the event is recorded (StripeEvent, unique id) in the same transaction as its effect: a
   replay is a no-op, and if handling fails the record rolls back so Stripe's retry counts;
2. by type: payment_intent.succeeded places the orders (payment_succeeded, like the
   browser's return); charge.refunded records a refund made in Stripe's dashboard;
   charge.dispute.created records the dispute and tells staff; account.updated (a shop's
   Connect account) keeps its payout status (commerce.payment.connect);
3. any other type, or an event without an object, is recorded and ignored.
"""

from __future__ import annotations

from decimal import Decimal

import stripe
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from commerce.order.models import Checkout
from commerce.payment.alerts import staff_alert
from commerce.payment.connect import payout_account_apply
from commerce.payment.gateway import stripe_client
from commerce.payment.models import Dispute, StripeEvent
from commerce.payment.refunds import checkout_refund_from_stripe_record
from commerce.payment.services import payment_succeeded
from commerce.prices import price_text


def stripe_event_handle(*, event: stripe.Event) -> bool:
    """Handle a verified webhook event once; False if this event id was already handled."""
    obj = _event_object(event)
    event_type = str(getattr(event, "type", "") or "")
    intent_id = _payment_intent_id(obj) if obj else ""
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(
                    event_id=str(getattr(event, "id", "")),
                    type=event_type,
                    payment_intent_id=intent_id,
                )
        except IntegrityError:
            return False
        if event_type in ACCOUNT_HANDLERS and obj:
            ACCOUNT_HANDLERS[event_type](obj=obj)
            return True
        handler = HANDLERS.get(event_type)
        checkout = Checkout.objects.filter(payment_intent_id=intent_id).first()
        if handler is not None and checkout is not None:
            handler(checkout=checkout, obj=obj)
    return True


def _event_object(event: stripe.Event) -> dict | None:
    obj = getattr(getattr(event, "data", None), "object", None)
    if isinstance(obj, stripe.StripeObject):
        obj = obj.to_dict()
    return obj if isinstance(obj, dict) else None


def _payment_intent_id(obj: dict) -> str:
    if str(obj.get("object", "")) == "payment_intent":
        return str(obj.get("id", "") or "")
    intent = obj.get("payment_intent") or ""
    if not intent and str(obj.get("object", "")) == "dispute" and obj.get("charge"):
        # Older API versions name only the charge on a dispute.
        charge = stripe_client().v1.charges.retrieve(str(obj["charge"]))
        intent = charge.payment_intent or ""
    if isinstance(intent, dict):  # expanded
        intent = intent.get("id", "")
    return str(getattr(intent, "id", intent))


def _intent_succeeded(*, checkout: Checkout, obj: dict) -> None:
    payment_succeeded(payment_intent_id=checkout.payment_intent_id)


def _charge_refunded(*, checkout: Checkout, obj: dict) -> None:
    refunds = (obj.get("refunds") or {}).get("data") or []
    checkout_refund_from_stripe_record(
        checkout_id=checkout.pk,
        refunded_cents=int(obj.get("amount_refunded") or 0),
        stripe_refund_id=str(refunds[0].get("id", "")) if refunds else "",
    )


def _dispute_created(*, checkout: Checkout, obj: dict) -> None:
    amount = (Decimal(int(obj.get("amount") or 0)) / 100).quantize(Decimal("0.01"))
    dispute, created = Dispute.objects.get_or_create(
        stripe_dispute_id=str(obj.get("id", "")),
        defaults={
            "checkout": checkout,
            "amount": amount,
            "reason": str(obj.get("reason") or ""),
            "status": str(obj.get("status") or ""),
        },
    )
    if created:
        staff_alert(
            subject=_("Litige bancaire sur le paiement %(number)s") % {"number": checkout.number},
            message=_(
                "La banque du client conteste %(amount)s (motif : %(reason)s) sur le "
                "paiement %(intent)s. Répondez dans le tableau de bord Stripe avant l'échéance."
            )
            % {
                "amount": price_text(amount),
                "reason": dispute.reason or "?",
                "intent": checkout.payment_intent_id,
            },
        )


HANDLERS = {
    "payment_intent.succeeded": _intent_succeeded,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _dispute_created,
}

# Events about a shop's Connect account: no checkout involved.
ACCOUNT_HANDLERS = {
    "account.updated": lambda *, obj: payout_account_apply(account_data=obj),
}
