"""Receivers the payment app connects in its AppConfig.ready: each only calls a service."""

from __future__ import annotations

from commerce.payment.payouts import payout_settle_after_commit


def order_status_changed_receiver(sender, order, old_status, new_status, **kwargs) -> None:
    """Oscar's order_status_changed: a handed-over order may now pay its shop."""
    payout_settle_after_commit(order_id=order.pk)
