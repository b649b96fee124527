"""The one place a Checkout row, or an Order row, is locked.

Confirming its payment, changing its content, placing its orders and refunding it all take
the checkout's lock first, so none of them reads an amount another is rewriting; a status
change takes the order's, so two changes of one order queue. Callers are inside
``transaction.atomic()``; the lock lasts until that transaction ends.
"""

from __future__ import annotations

from django.db import transaction

from commerce.order.models import Checkout, Order


def checkout_lock(*, checkout_id: int) -> Checkout:
    """The checkout, re-read under a row lock (waits for whoever holds it)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("checkout_lock must run inside transaction.atomic()")
    return Checkout.objects.select_for_update().get(pk=checkout_id)


def order_lock(*, order_id: int) -> Order:
    """The order (with its checkout), re-read under a row lock on the order alone."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("order_lock must run inside transaction.atomic()")
    # of=("self",): PostgreSQL cannot lock the nullable side of the join to checkout.
    return Order.objects.select_for_update(of=("self",)).select_related("checkout").get(pk=order_id)
