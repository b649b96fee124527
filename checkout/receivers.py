"""What the checkout does when commerce reports a write (connected in CheckoutConfig.ready)."""

from checkout.notifications import checkout_orders_placed_notify
from commerce.order.signals import checkout_orders_placed


def _orders_placed(sender, *, checkout_id: int, **kwargs) -> None:
    checkout_orders_placed_notify(checkout_id=checkout_id)


def connect() -> None:
    checkout_orders_placed.connect(_orders_placed, dispatch_uid="checkout.orders_placed_notify")
