"""A merchant moves its own orders through their statuses (back office).

received → being prepared → ready for pickup (click & collect) or shipped (delivery) →
collected or delivered; cancelled from any open status, which refunds that merchant's
order and frees its stock. Handing the order over (collected, delivered) consumes its
allocation: the articles leave the stock for good. Each change is recorded in the audit
log with who made it (merchants.audit) and e-mails the shopper, after commit.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Order
from commerce.order.statuses import OrderStatus
from commerce.partner.locks import stockrecords_lock
from commerce.payment.services import order_refund
from merchants import conf
from merchants.audit import order_refund_log, order_status_log, product_stock_log

# The shopper has the articles: their allocation becomes a sale.
HANDED_OVER = (OrderStatus.COLLECTED, OrderStatus.DELIVERED)
# Statuses that only make sense for one way of handing the order over.
ONLY_FOR = {
    OrderStatus.READY: FulfilmentMode.CLICK_COLLECT,
    OrderStatus.COLLECTED: FulfilmentMode.CLICK_COLLECT,
    OrderStatus.SHIPPED: FulfilmentMode.DELIVERY,
    OrderStatus.DELIVERED: FulfilmentMode.DELIVERY,
}


class OrderStatusRefused(Exception):
    """The change is not allowed from the order's current status."""


def merchant_order_next_statuses(*, order: Order) -> list[str]:
    return [
        status
        for status in order.available_statuses()
        if ONLY_FOR.get(status, order.fulfilment_mode) == order.fulfilment_mode
    ]


def merchant_order_set_status(*, order_id: int, status: str, by) -> Order:
    """Change the status of an order (already scoped to the merchant by the caller).

    ``by`` is the user making the change, recorded in the order's history.
    """
    with transaction.atomic():
        # of=("self",): PostgreSQL cannot lock the nullable side of the join to checkout.
        order = (
            Order.objects.select_for_update(of=("self",))
            .select_related("checkout")
            .get(pk=order_id)
        )
        if status not in merchant_order_next_statuses(order=order):
            raise OrderStatusRefused(
                _("Une commande « %(current)s » ne peut pas passer à « %(new)s ».")
                % {"current": order.status, "new": status}
            )
        previous = order.status
        order.set_status(status)
        order_status_log(order=order, old=previous, new=status, by=by)
        if status in HANDED_OVER:
            _order_consume_stock(order=order, by=by)
        if status == OrderStatus.CANCELLED:
            _order_release_stock(order=order)
            # Refunded inside the transaction: if Stripe refuses, the order stays as it was.
            refunded = order_refund(order=order, by=by)
            order_refund_log(order=order, amount=refunded, by=by)
        transaction.on_commit(lambda: order_status_notify(order_id=order.pk))
    return order


def _order_lines_with_locked_stock(*, order: Order) -> list:
    """The order's lines, each with its stock record locked and read fresh."""
    lines = list(order.lines.order_by("pk"))
    records = stockrecords_lock(
        stockrecord_ids=[line.stockrecord_id for line in lines if line.stockrecord_id]
    )
    for line in lines:
        if line.stockrecord_id in records:
            line.stockrecord = records[line.stockrecord_id]
    return [line for line in lines if line.stockrecord_id in records]


def _order_consume_stock(*, order: Order, by) -> None:
    """The articles are handed over: what was allocated leaves the stock (Oscar's consume)."""
    for line in _order_lines_with_locked_stock(order=order):
        before = line.stockrecord.num_in_stock
        if line.num_allocated is None:  # a line placed without per-line allocation
            line.stockrecord.consume_allocation(line.quantity)
        elif quantity := _consumable(line=line):
            line.consume_allocation(quantity)
        product_stock_log(
            product=line.stockrecord.product,
            old=before,
            new=line.stockrecord.num_in_stock,
            by=by,
            order_number=order.number,
        )


def _consumable(*, line) -> int:
    # Never more than the record still holds: the merchant may have lowered the stock
    # below what was sold, and handing the order over must not fail for it.
    record = line.stockrecord
    return max(0, min(line.num_allocated, record.num_allocated or 0, record.num_in_stock or 0))


def _order_release_stock(*, order: Order) -> None:
    for line in _order_lines_with_locked_stock(order=order):
        if line.num_allocated is None:  # a line placed without per-line allocation
            line.stockrecord.cancel_allocation(line.quantity)
        elif line.num_allocated:
            line.cancel_allocation(line.num_allocated)


def order_status_notify(*, order_id: int) -> None:
    order = Order.objects.select_related("checkout").prefetch_related("lines").get(pk=order_id)
    recipient = order.email or (order.checkout.email if order.checkout else "")
    if not recipient:
        return
    send_mail(
        subject=_("Votre commande %(number)s : %(status)s")
        % {"number": order.number, "status": order.status},
        message=render_to_string(
            "merchants/emails/order_status.txt", {"order": order, "site_name": conf.site_name()}
        ),
        from_email=None,
        recipient_list=[recipient],
    )
