"""A merchant moves its own orders through their statuses (back office).

received → being prepared → ready for pickup (click & collect) or shipped (delivery) →
collected or delivered; cancelled from any open status. The change itself (pipeline,
stock consumed on hand-over and released on cancellation, Oscar's status records) is
commerce's: commerce.order.processing. This module adds the merchant's part: cancelling
refunds that merchant's order, a stock move is recorded in the article's audit log with who
made it (merchants.audit), and the shopper gets an e-mail after commit. The order's own
history is read from the rows commerce writes (commerce.order.selectors.order_timeline).

Taking articles out of an order (broken, out of stock) is commerce.order.reductions; the
shopper is told what changed and what was refunded.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from commerce.order.models import LineReduction, Order
from commerce.order.processing import (  # noqa: F401  (OrderStatusRefused: the views catch it)
    OrderStatusRefused,
    order_next_statuses,
    order_status_change,
)
from commerce.order.reductions import (  # noqa: F401  (the views catch the refusal)
    LineReductionRefused,
    order_line_reduce,
)
from commerce.order.selectors import line_reduction_text
from commerce.order.statuses import OrderStatus
from commerce.payment.services import order_refund
from merchants import conf
from merchants.audit import product_stock_log


def merchant_order_next_statuses(*, order: Order) -> list[str]:
    return order_next_statuses(order=order)


def merchant_order_set_status(*, order_id: int, status: str, by) -> Order:
    """Change the status of an order (already scoped to the merchant by the caller).

    ``by`` is the user making the change, recorded in the order's history.
    """
    with transaction.atomic():
        change = order_status_change(order_id=order_id, status=status, by=by)
        order = change.order
        for stock in change.stock_changes:
            product_stock_log(
                product=stock.product,
                old=stock.old,
                new=stock.new,
                by=by,
                order_number=order.number,
            )
        if status == OrderStatus.CANCELLED:
            # Refunded inside the transaction: if Stripe refuses, the order stays as it was.
            order_refund(order=order, by=by)
        transaction.on_commit(lambda: order_status_notify(order_id=order.pk))
    return order


def merchant_order_line_reduce(
    *, order_id: int, line_id: int, quantity: int, seen_quantity: int, reason: str, by
):
    """Take articles out of an order (already scoped by the caller); the shopper is told.

    LineReductionRefused (French message) when the change is not allowed; a Stripe error
    when the refund was refused, and then nothing changed.
    """
    with transaction.atomic():
        reduction = order_line_reduce(
            order_id=order_id,
            line_id=line_id,
            quantity=quantity,
            seen_quantity=seen_quantity,
            reason=reason,
            by=by,
        )
        transaction.on_commit(lambda: order_line_reduced_notify(reduction_id=reduction.pk))
    return reduction


def order_line_reduced_notify(*, reduction_id: int) -> None:
    reduction = (
        LineReduction.objects.select_related("order__checkout", "line", "refund")
        .filter(pk=reduction_id)
        .first()
    )
    if reduction is None:
        return
    order = reduction.order
    recipient = order.email or (order.checkout.email if order.checkout else "")
    if not recipient:
        return
    refund = getattr(reduction, "refund", None)
    send_mail(
        subject=_("Votre commande %(number)s a été modifiée") % {"number": order.number},
        message=render_to_string(
            "merchants/emails/order_line_reduced.txt",
            {
                "order": order,
                "change": line_reduction_text(reduction=reduction),
                "refunded": refund.amount if refund else None,
                "site_name": conf.site_name(),
            },
        ),
        from_email=None,
        recipient_list=[recipient],
    )


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
