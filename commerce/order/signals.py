"""Signals commerce sends so that upper layers follow its writes without being imported.

This is the one way a lower layer reaches up: it sends a signal, the layer above connects a
receiver in its ``AppConfig.ready``. A signal carries facts (which checkout, which products),
never a rule.
"""

from django.dispatch import Signal

# Sent once the transaction that placed a paid checkout's orders has committed, with
# ``checkout_id``. Receivers (the checkout app's e-mails) run outside that transaction: one
# that fails is logged and never undoes or retries the orders.
checkout_orders_placed = Signal()
