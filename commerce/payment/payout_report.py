"""The ledger against Stripe: each checkout's transfers as Stripe lists them by transfer group.

For every checkout with a transfer since a date, the transfer ids and amounts our ledger
holds (ShopPayout) are compared with what Stripe lists for the checkout's transfer group;
each difference is one row, in French, for staff to look into.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from commerce.order.models import Checkout
from commerce.payment.payout_models import ShopPayout
from commerce.payment.payouts import checkout_transfers_at_stripe


@dataclass(frozen=True)
class TransferDifference:
    checkout_number: str
    transfer_id: str
    ledger: Decimal | None  # None: Stripe has a transfer our ledger does not know
    stripe: Decimal | None  # None: our ledger names a transfer Stripe does not list

    @property
    def message(self) -> str:
        if self.stripe is None:
            return _("virement absent chez Stripe")
        if self.ledger is None:
            return _("virement inconnu du registre")
        return _("montants différents")


def payouts_differences_with_stripe(*, since: datetime) -> list[TransferDifference]:
    """Every difference between the ledger's transfers and Stripe's, checkout by checkout."""
    payouts = ShopPayout.objects.filter(transferred_at__gte=since).exclude(stripe_transfer_id="")
    by_checkout: dict[int, dict[str, Decimal]] = {}
    for payout in payouts.only("checkout_id", "stripe_transfer_id", "transferred"):
        by_checkout.setdefault(payout.checkout_id, {})[payout.stripe_transfer_id] = (
            payout.transferred
        )
    differences = []
    for checkout in Checkout.objects.filter(pk__in=by_checkout).order_by("number"):
        ours = by_checkout[checkout.pk]
        theirs = checkout_transfers_at_stripe(checkout=checkout)
        for transfer_id in sorted(set(ours) | set(theirs)):
            ledger, stripe = ours.get(transfer_id), theirs.get(transfer_id)
            if ledger != stripe:
                differences.append(TransferDifference(checkout.number, transfer_id, ledger, stripe))
    return differences
