"""What the merchants app does when commerce reports a write (connected in MerchantsConfig.ready).

Each receiver only enqueues a task: the rules are in merchants.invoicing.services.
"""

from commerce.background import enqueue_after_commit
from commerce.order.signals import checkout_orders_placed
from commerce.payment.signals import order_refunded
from merchants.invoicing.tasks import checkout_invoices_issue_task, refund_credit_note_task


def _orders_placed(sender, *, checkout_id: int, **kwargs) -> None:
    enqueue_after_commit(checkout_invoices_issue_task, checkout_id=checkout_id)


def _order_refunded(sender, *, refund_id: int, **kwargs) -> None:
    enqueue_after_commit(refund_credit_note_task, refund_id=refund_id)


def connect() -> None:
    checkout_orders_placed.connect(_orders_placed, dispatch_uid="merchants.invoices_issue")
    order_refunded.connect(_order_refunded, dispatch_uid="merchants.credit_note_issue")
