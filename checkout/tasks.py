"""The purchase e-mails as a django-tasks task: sent by a worker, not in the shopper's request."""

from __future__ import annotations

from django_tasks import task

from checkout.notifications import checkout_orders_placed_notify


@task()
def checkout_orders_placed_notify_task(*, checkout_id: int) -> None:
    checkout_orders_placed_notify(checkout_id=checkout_id)
