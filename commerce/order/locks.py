"""The one place a Checkout row is locked.

Confirming its payment, changing its content, placing its orders and refunding it all take
this lock first, so none of them reads an amount another is rewriting. Callers are inside
``transaction.atomic()``; the lock lasts until that transaction ends.
"""

from __future__ import annotations

from django.db import transaction

from commerce.order.models import Checkout


def checkout_lock(*, checkout_id: int) -> Checkout:
    """The checkout, re-read under a row lock (waits for whoever holds it)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("checkout_lock must run inside transaction.atomic()")
    return Checkout.objects.select_for_update().get(pk=checkout_id)
