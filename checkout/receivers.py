"""What the checkout does when commerce reports a write (connected in CheckoutConfig.ready)."""

from checkout.tasks import checkout_orders_placed_notify_task
from commerce.background import enqueue_after_commit
from commerce.order.signals import checkout_orders_placed


def _orders_placed(sender, *, checkout_id: int, **kwargs) -> None:
    # Sent after the orders' commit; the e-mails go through the task queue, so an SMTP server
    # that is slow or down never holds the shopper's confirmation page.
    enqueue_after_commit(checkout_orders_placed_notify_task, checkout_id=checkout_id)


def connect() -> None:
    checkout_orders_placed.connect(_orders_placed, dispatch_uid="checkout.orders_placed_notify")
