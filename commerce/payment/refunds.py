"""Refunds on a checkout's one payment, each recorded once per reason (Refund rows).

Every refund, whoever asks (browser return, webhook, a shop cancelling an order):
1. locks the Checkout row (commerce.order.locks), so concurrent callers queue;
2. looks for the Refund row of that reason: if it exists, the refund was made, stop;
3. writes the row, then asks Stripe with an idempotency key derived from the row's reason,
   and stores Stripe's refund id, all in the same transaction: if Stripe refuses, the row
   rolls back and a later call tries again with the same key.
The checkout's refunded total is the sum of its rows (Checkout.refunded_amount).
"""

from __future__ import annotations

import logging
from decimal import Decimal

import stripe
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from commerce.order.locks import checkout_lock
from commerce.order.models import Checkout
from commerce.payment.alerts import staff_alert
from commerce.payment.gateway import amount_in_cents, stripe_client
from commerce.payment.models import Refund
from commerce.payment.payouts import payout_settle_after_commit
from commerce.payment.signals import order_refunded
from commerce.prices import price_text

logger = logging.getLogger(__name__)
ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def checkout_refund_outstanding(*, checkout: Checkout) -> Decimal:
    """Refund, once, what placement could not supply (missing stock); 0 if nothing is due."""
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout.pk)
        refund = _refund_make(
            checkout=locked, kind=Refund.Kind.MISSING_STOCK, amount=locked.refund_due
        )
    return refund.amount if refund else ZERO


def order_refundable(*, order) -> Decimal:
    """What is left to give back on the order: its total less the amounts already refunded.

    Articles taken out (commerce.order.reductions) already lowered the order's total, so
    only the refunds made without one count here.
    """
    given = Refund.objects.filter(order=order, line_reduction__isnull=True).aggregate(
        t=Sum("amount")
    )["t"]
    return max(ZERO, order.total_incl_tax - (given or ZERO))


def order_refund(*, order, by=None) -> Decimal:
    """Refund what is left of one merchant's order (lines and shipping) on the basket's payment.

    Once per order: a retried cancellation finds its Refund row and refunds nothing more.
    """
    if order.checkout_id is None or order.total_incl_tax <= 0:
        return ZERO
    with transaction.atomic():
        locked = checkout_lock(checkout_id=order.checkout_id)
        if not locked.payment_intent_id:
            return ZERO
        refund = _refund_make(
            checkout=locked,
            kind=Refund.Kind.ORDER_CANCELLED,
            amount=order_refundable(order=order),
            order=order,
            by=by,
        )
        if refund:
            _checkout_status_after_refund(checkout=locked)
    return refund.amount if refund else ZERO


class RefundRefused(ValueError):
    """The amount asked cannot be refunded on this order (French message for the user)."""


def order_refund_partial(*, order, amount: Decimal, by=None, line_reduction=None) -> Refund:
    """Give back part of one shop's order (an article missing, damaged); as often as needed.

    Never more than what is left of the order. ``line_reduction`` when articles were taken
    out: commerce.order.reductions has already lowered the order's total by this amount.
    The shop's payout follows (lowered before its transfer, a transfer reversal after),
    once the refund is committed.
    """
    amount = Decimal(amount).quantize(CENT)
    if amount <= 0:
        raise RefundRefused(_("Le montant à rembourser doit être positif."))
    with transaction.atomic():
        locked = checkout_lock(checkout_id=order.checkout_id)
        left = order_refundable(order=order)
        if line_reduction is not None:
            left += line_reduction.amount_incl_tax
        if amount > left:
            raise RefundRefused(
                _("Il ne reste que %(left)s à rembourser sur cette commande.")
                % {"left": price_text(left)}
            )
        refund = Refund.objects.create(
            checkout=locked,
            order=order,
            kind=Refund.Kind.ORDER_PARTIAL,
            amount=amount,
            created_by=by,
            line_reduction=line_reduction,
        )
        made = _stripe_refund_create(refund=refund)
        refund.stripe_refund_id = made.id
        refund.save(update_fields=["stripe_refund_id"])
        _payout_follow(refund=refund)
        _checkout_status_after_refund(checkout=locked)
    return refund


def checkout_refund_in_full(*, checkout_id: int, kind: str, paid_cents: int, reason: str) -> bool:
    """Give back everything paid on a checkout that will have no orders; tell staff.

    For a payment whose amount no longer matches the checkout, or whose orders could not be
    placed: the shopper is never left charged with neither order nor refund. False if the
    checkout was placed meanwhile (nothing refunded).
    """
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout_id)
        if locked.status != Checkout.Status.PENDING:
            return False
        amount = (Decimal(paid_cents) / 100).quantize(CENT)
        _refund_make(checkout=locked, kind=kind, amount=amount)
        locked.status = Checkout.Status.FAILED
        locked.save(update_fields=["status"])
        staff_alert(
            subject=_("Paiement %(number)s remboursé automatiquement") % {"number": locked.number},
            message=_(
                "Le paiement %(intent)s (%(amount)s) du panier %(number)s a été "
                "remboursé en entier sans commande : %(reason)s"
            )
            % {
                "intent": locked.payment_intent_id,
                "amount": price_text(amount),
                "number": locked.number,
                "reason": reason,
            },
        )
    return True


def checkout_refund_from_stripe_record(
    *, checkout_id: int, refunded_cents: int, stripe_refund_id: str = ""
) -> Refund | None:
    """Record a refund made outside the site (Stripe dashboard): the part not yet known."""
    with transaction.atomic():
        locked = checkout_lock(checkout_id=checkout_id)
        unknown = (Decimal(refunded_cents) / 100).quantize(CENT) - locked.refunded_amount
        if unknown <= 0:
            return None
        if Refund.objects.filter(stripe_refund_id=stripe_refund_id).exclude(stripe_refund_id=""):
            stripe_refund_id = ""
        refund = Refund.objects.create(
            checkout=locked,
            kind=Refund.Kind.STRIPE_DASHBOARD,
            amount=unknown,
            stripe_refund_id=stripe_refund_id,
        )
        _checkout_status_after_refund(checkout=locked)
        logger.warning("Refund of %s made in Stripe recorded on %s", unknown, locked.number)
    return refund


def _refund_make(
    *, checkout: Checkout, kind: str, amount: Decimal, order=None, by=None
) -> Refund | None:
    """Record and make one refund; the caller holds the checkout's lock."""
    if amount <= 0 or not checkout.payment_intent_id:
        return None
    if Refund.objects.filter(checkout=checkout, kind=kind, order=order).exists():
        return None
    refund = Refund.objects.create(
        checkout=checkout, order=order, kind=kind, amount=amount, created_by=by
    )
    made = _stripe_refund_create(refund=refund)
    refund.stripe_refund_id = made.id
    refund.save(update_fields=["stripe_refund_id"])
    _payout_follow(refund=refund)
    return refund


def _payout_follow(*, refund: Refund) -> None:
    """Once the refund is committed, the shop's payout follows it (lowered or reversed) and
    the layers above hear of it (the shop's credit note)."""
    if refund.order_id is not None:
        payout_settle_after_commit(order_id=refund.order_id)
        transaction.on_commit(lambda: _order_refunded_announce(refund_id=refund.pk))


def _order_refunded_announce(*, refund_id: int) -> None:
    for receiver, outcome in order_refunded.send_robust(sender=Refund, refund_id=refund_id):
        if isinstance(outcome, Exception):
            logger.error("order_refunded receiver %r failed: %r", receiver, outcome)


def _stripe_refund_create(*, refund: Refund) -> stripe.Refund:
    client = stripe_client()
    key = refund.idempotency_key
    intent_id = refund.checkout.payment_intent_id
    try:
        return client.v1.refunds.create(
            params={
                "payment_intent": intent_id,
                "amount": amount_in_cents(refund.amount),
                "metadata": {"orne_refund": key},
            },
            options={"idempotency_key": key},
        )
    except stripe.IdempotencyError:
        # Stripe already used this key with other parameters (a refund asked before a
        # crash, from an older version): the refund it made is the one we record.
        found = client.v1.refunds.list(params={"payment_intent": intent_id, "limit": 100})
        for made in found.auto_paging_iter():
            if (made.get("metadata") or {}).get("orne_refund") == key:
                return made
        raise


def _checkout_status_after_refund(*, checkout: Checkout) -> None:
    if checkout.status == Checkout.Status.FAILED:
        return  # no orders, already refunded in full: it stays a failed purchase
    refunded = checkout.refunded_amount
    if refunded >= checkout.amount:
        status = Checkout.Status.REFUNDED
    elif checkout.status == Checkout.Status.PLACED:
        status = Checkout.Status.PARTIALLY_REFUNDED
    else:
        return
    if status != checkout.status:
        checkout.status = status
        checkout.save(update_fields=["status"])
