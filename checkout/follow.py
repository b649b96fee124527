"""Order follow-up without an account: a signed link per paid checkout.

The link carries the checkout's number signed with the site's SECRET_KEY (salted for this
use only), so it cannot be guessed or made from another number, and it opens exactly one
checkout's orders. It does not expire: it is the shopper's receipt, sent by e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from commerce.order.models import Checkout, Order
from commerce.order.statuses import OrderStatus
from merchants.models import Merchant

SALT = "orne.checkout.follow"


@dataclass(frozen=True)
class FollowedOrder:
    order: Order
    merchant: Merchant | None

    @property
    def status_label(self) -> str:
        try:
            return str(OrderStatus(self.order.status).label)
        except ValueError:
            return self.order.status


def checkout_follow_token(*, checkout: Checkout) -> str:
    return signing.dumps(checkout.number, salt=SALT)


def checkout_follow_path(*, checkout: Checkout) -> str:
    return reverse(
        "orne_checkout:follow", kwargs={"token": checkout_follow_token(checkout=checkout)}
    )


def checkout_for_follow_token(*, token: str) -> Checkout | None:
    """The checkout a link was signed for; None for a forged, altered or unknown token."""
    try:
        number = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Checkout.objects.filter(number=str(number)).first()


def checkout_followed_orders(*, checkout: Checkout) -> list[FollowedOrder]:
    """Each shop's order of the checkout with its shop (page and contact), in three queries."""
    orders = list(checkout.orders.prefetch_related("lines").order_by("number"))
    partner_ids = {line.partner_id for order in orders for line in order.lines.all()}
    merchants = (
        Merchant.objects.select_related("commune", "page")
        .prefetch_related("users")
        .in_bulk(list(partner_ids), field_name="partner_id")
    )
    rows = []
    for order in orders:
        line = next(iter(order.lines.all()), None)
        rows.append(
            FollowedOrder(order=order, merchant=merchants.get(line.partner_id) if line else None)
        )
    return rows
