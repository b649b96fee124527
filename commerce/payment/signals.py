"""Signals the payment app sends so upper layers follow its writes (as commerce.order.signals)."""

from django.dispatch import Signal

# Sent once the transaction that recorded a refund of one shop's order has committed, with
# ``refund_id``. Receivers (the shop's credit note) run outside it: one that fails is
# logged and never undoes the refund.
order_refunded = Signal()
