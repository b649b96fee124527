"""Paying each shop its part of a basket: one ledger record and one Transfer per shop order.

Separate charges and transfers: the shopper's one charge lands on the council's account;
each shop order then gets one Transfer to its shop's Express account
(``transfer_group`` = the checkout number, ``source_transaction`` = the charge).

payout_settle is the one rule, run under the record's row lock by every trigger (placement,
status change, refund, account enabled, the daily retry), so two triggers make one transfer:
1. the record is brought up to date: refunded = the order's Refund rows, commission on what
   is left of the sale (rule frozen at placement, commerce.payment.commission);
2. before a transfer: nothing payable → cancelled; not yet due (the order is not handed
   over, unless staff chose "at placement") → waiting; the shop's account not enabled →
   held; otherwise the Transfer is asked for, and recorded, or the failure is;
3. after the transfer: what the shop holds beyond what it is now owed is taken back by a
   transfer reversal (a refund after the transfer).
Stripe's refusals are recorded on the record (state failed, failure text) and retried by
``payouts_retry`` (command ``payouts_reconcile``); they never undo the order's change.
"""

from __future__ import annotations

import logging
from decimal import Decimal

import stripe
from django.db import models, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order.models import Checkout
from commerce.order.statuses import OrderStatus
from commerce.payment.commission import commission_for
from commerce.payment.gateway import (
    amount_from_cents,
    amount_in_cents,
    stripe_client,
    stripe_connect_client,
)
from commerce.payment.models import Refund
from commerce.payment.payout_models import (
    PayoutAccount,
    PayoutPolicy,
    ShopPayout,
    TransferMoment,
    TransferReversal,
)

logger = logging.getLogger(__name__)
Order = get_model("order", "Order")
State = ShopPayout.State
ZERO = Decimal("0.00")
HANDED_OVER = (OrderStatus.COLLECTED, OrderStatus.DELIVERED)


def checkout_payouts_open(*, checkout_id: int) -> list[ShopPayout]:
    """One ledger record per shop order of a placed checkout (again: the same records)."""
    orders = Order.objects.filter(checkout_id=checkout_id).order_by("pk")
    payouts = [payout_for_order(order=order) for order in orders]
    if _policy().transfer_moment == TransferMoment.PLACED:
        for payout in payouts:
            payout_settle(order_id=payout.order_id)
    return payouts


def payout_settle_after_commit(*, order_id: int) -> None:
    """Settle the order's payout once the change that asks for it is committed.

    A refused transfer is recorded on the ledger; anything worse is logged, never turned
    into an error for the status change or refund that is already committed.
    """

    def settle() -> None:
        try:
            payout_settle(order_id=order_id)
        except Exception:
            logger.exception("Payout of order %s could not be settled", order_id)

    transaction.on_commit(settle)


def checkout_payouts_open_after_commit(*, checkout_id: int) -> None:
    def open_() -> None:
        try:
            checkout_payouts_open(checkout_id=checkout_id)
        except Exception:
            logger.exception("Payouts of checkout %s could not be opened", checkout_id)

    transaction.on_commit(open_)


def payout_for_order(*, order) -> ShopPayout:
    """The order's ledger record, created with the commission rule of that moment."""
    existing = ShopPayout.objects.filter(order=order).first()
    if existing is not None:
        return existing
    partner_id = order.lines.values_list("partner_id", flat=True).first()
    percent, fixed = _commission_rule(partner_id=partner_id)
    # Normally opened at placement; opened later, the sale is still what was paid, before
    # any article was taken out of the order (those refunds lowered its total).
    reduced = Refund.objects.filter(order=order, line_reduction__isnull=False).aggregate(
        total=models.Sum("amount")
    )["total"]
    sale = order.total_incl_tax + (reduced or ZERO)
    payout, _created = ShopPayout.objects.get_or_create(
        order=order,
        defaults={
            "partner_id": partner_id,
            "checkout_id": order.checkout_id,
            "due": sale,
            "commission_percent": percent,
            "commission_fixed": fixed,
            "commission": commission_for(sale=sale, percent=percent, fixed=fixed),
        },
    )
    return payout


def payout_settle(*, order_id: int) -> ShopPayout | None:
    """Bring one order's payout to what it should be now (see the module's steps)."""
    order = Order.objects.filter(pk=order_id, checkout__isnull=False).first()
    if order is None:
        return None  # an order without a paid checkout (created by hand) pays nobody
    payout_for_order(order=order)
    with transaction.atomic():
        payout = (
            ShopPayout.objects.select_for_update()
            .select_related("order", "checkout", "partner")
            .get(order_id=order_id)
        )
        payout.refunded = _refunded_for(payout=payout)
        payout.commission = commission_for(
            sale=payout.sale, percent=payout.commission_percent, fixed=payout.commission_fixed
        )
        if payout.stripe_transfer_id:
            _reverse_excess(payout=payout)
        else:
            _transfer_if_due(payout=payout)
        payout.save()
    return payout


def partner_payouts_release(*, partner_id: int) -> int:
    """Send what a shop's newly enabled account was held for; how many were sent."""
    held = ShopPayout.objects.filter(partner_id=partner_id, state__in=[State.HELD, State.FAILED])
    sent = 0
    for order_id in held.values_list("order_id", flat=True):
        payout = payout_settle(order_id=order_id)
        sent += bool(payout and payout.state == State.TRANSFERRED)
    return sent


def payouts_retry() -> int:
    """The daily pass: settle again every record Stripe refused or a held shop now enabled."""
    enabled = PayoutAccount.objects.filter(status=PayoutAccount.Status.ENABLED)
    todo = ShopPayout.objects.filter(
        models.Q(state=State.FAILED)
        | ~models.Q(failure="")
        | models.Q(state=State.HELD, partner__payout_account__in=enabled)
        | models.Q(state=State.WAITING, order__status__in=HANDED_OVER)
    )
    done = 0
    for order_id in todo.values_list("order_id", flat=True):
        payout_settle(order_id=order_id)
        done += 1
    return done


def checkout_transfers_at_stripe(*, checkout: Checkout) -> dict[str, Decimal]:
    """What Stripe lists for the checkout's transfer group: amount per transfer id."""
    found = stripe_connect_client().v1.transfers.list(
        params={"transfer_group": checkout.number, "limit": 100}
    )
    return {t.id: amount_from_cents(t.amount) for t in found.auto_paging_iter()}


def _policy() -> PayoutPolicy:
    return PayoutPolicy.load()


def _commission_rule(*, partner_id) -> tuple[Decimal, Decimal]:
    policy = _policy()
    account = PayoutAccount.objects.filter(partner_id=partner_id).first()
    percent = policy.commission_percent
    fixed = policy.commission_fixed
    if account is not None and account.commission_percent is not None:
        percent = account.commission_percent
    if account is not None and account.commission_fixed is not None:
        fixed = account.commission_fixed
    return percent, fixed


def _refunded_for(*, payout: ShopPayout) -> Decimal:
    # Capped by the sale frozen at placement: the order's own total goes down when a shop
    # takes articles out (commerce.order.reductions), its refunds stay counted here.
    total = Refund.objects.filter(order_id=payout.order_id).aggregate(total=models.Sum("amount"))[
        "total"
    ]
    return min(total or ZERO, payout.due)


def _is_due(*, order) -> bool:
    if order.status in HANDED_OVER:
        return True
    placed_moment = _policy().transfer_moment == TransferMoment.PLACED
    return placed_moment and order.status != OrderStatus.CANCELLED


def _transfer_if_due(*, payout: ShopPayout) -> None:
    if payout.payable <= 0:
        payout.state = State.CANCELLED
        return
    if not _is_due(order=payout.order):
        payout.state = State.WAITING
        return
    account = PayoutAccount.objects.filter(partner_id=payout.partner_id).first()
    if account is None or not account.is_enabled:
        payout.state = State.HELD
        return
    try:
        transfer = _stripe_transfer_create(payout=payout, account=account)
    except stripe.StripeError as error:
        logger.warning("Transfer for order %s refused: %s", payout.order.number, error)
        payout.state = State.FAILED
        payout.failure = str(error.user_message or error)[:2000]
        if not isinstance(error, stripe.APIConnectionError):
            # Stripe answered: the next try is a new request, under a new key.
            payout.attempts += 1
        return
    payout.stripe_transfer_id = transfer.id
    payout.transferred = payout.payable
    payout.transferred_at = timezone.now()
    payout.state = State.TRANSFERRED
    payout.failure = ""


def _stripe_transfer_create(*, payout: ShopPayout, account: PayoutAccount):
    if payout.failure:
        # The last try may have reached Stripe without its answer reaching us.
        made = _transfer_found_at_stripe(payout=payout)
        if made is not None:
            return made
    if not payout.stripe_charge_id:
        payout.stripe_charge_id = _charge_id(checkout=payout.checkout)
    params = {
        "amount": amount_in_cents(payout.payable),
        "currency": payout.checkout.currency.lower(),
        "destination": account.stripe_account_id,
        "transfer_group": payout.checkout.number,
        "metadata": {"orne_order": payout.order.number},
    }
    if payout.stripe_charge_id:
        # Paid out of this charge's funds: no transfer before the money is there.
        params["source_transaction"] = payout.stripe_charge_id
    return stripe_connect_client().v1.transfers.create(
        params=params,
        options={"idempotency_key": f"transfer-{payout.order.number}-{payout.attempts}"},
    )


def _transfer_found_at_stripe(*, payout: ShopPayout):
    found = stripe_connect_client().v1.transfers.list(
        params={"transfer_group": payout.checkout.number, "limit": 100}
    )
    for transfer in found.auto_paging_iter():
        if (transfer.to_dict().get("metadata") or {}).get("orne_order") == payout.order.number:
            return transfer
    return None


def _charge_id(*, checkout: Checkout) -> str:
    if not checkout.payment_intent_id:
        return ""
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    charge = intent.to_dict().get("latest_charge") or ""
    if isinstance(charge, dict):  # localstripe expands it
        charge = charge.get("id", "")
    return str(charge)


def _reverse_excess(*, payout: ShopPayout) -> None:
    """Take back from the shop what it holds beyond what it is owed after a refund."""
    excess = payout.held_by_shop - max(payout.payable, ZERO)
    if excess <= 0:
        return
    after = payout.reversed + excess
    try:
        made = stripe_connect_client().v1.transfers.reversals.create(
            payout.stripe_transfer_id,
            params={
                "amount": amount_in_cents(excess),
                "metadata": {"orne_order": payout.order.number},
            },
            # Keyed by the total taken back once it is made: a retry asks for the same one.
            options={"idempotency_key": f"reversal-{payout.order.number}-{amount_in_cents(after)}"},
        )
    except stripe.StripeError as error:
        logger.warning("Reversal for order %s refused: %s", payout.order.number, error)
        payout.failure = str(error.user_message or error)[:2000]
        return
    TransferReversal.objects.create(payout=payout, amount=excess, stripe_reversal_id=made.id)
    payout.reversed = after
    payout.failure = ""
