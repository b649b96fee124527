"""A merchant moves its own orders through their statuses (back office).

received → being prepared → ready for pickup (click & collect) or shipped (delivery) →
collected or delivered; cancelled from any open status, which refunds that merchant's
order and frees its stock. Each change e-mails the shopper, after commit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from commerce.order.models import FulfilmentMode, Order
from commerce.payment.services import order_refund

RECEIVED = "Reçue"
PREPARING = "En préparation"
READY = "Prête à retirer"
SHIPPED = "Expédiée"
COLLECTED = "Retirée"
DELIVERED = "Livrée"
CANCELLED = "Annulée"
# Statuses that only make sense for one way of handing the order over.
ONLY_FOR = {
    READY: FulfilmentMode.CLICK_COLLECT,
    COLLECTED: FulfilmentMode.CLICK_COLLECT,
    SHIPPED: FulfilmentMode.DELIVERY,
    DELIVERED: FulfilmentMode.DELIVERY,
}


class OrderStatusRefused(Exception):
    """The change is not allowed from the order's current status."""


def merchant_order_next_statuses(*, order: Order) -> list[str]:
    return [
        status
        for status in order.available_statuses()
        if ONLY_FOR.get(status, order.fulfilment_mode) == order.fulfilment_mode
    ]


def merchant_order_set_status(*, order_id: int, status: str) -> Order:
    """Change the status of an order (already scoped to the merchant by the caller)."""
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
        order.set_status(status)
        if status == CANCELLED:
            _order_release_stock(order=order)
            # Refunded inside the transaction: if Stripe refuses, the order stays as it was.
            order_refund(order=order)
        transaction.on_commit(lambda: order_status_notify(order_id=order.pk))
    return order


def _order_release_stock(*, order: Order) -> None:
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord is not None:
            line.stockrecord.cancel_allocation(line.quantity)


def order_status_notify(*, order_id: int) -> None:
    order = Order.objects.select_related("checkout").prefetch_related("lines").get(pk=order_id)
    recipient = order.email or (order.checkout.email if order.checkout else "")
    if not recipient:
        return
    send_mail(
        subject=_("Votre commande %(number)s : %(status)s")
        % {"number": order.number, "status": order.status},
        message=render_to_string(
            "checkout/emails/order_status.txt", {"order": order, "site_name": settings.SITE_NAME}
        ),
        from_email=None,
        recipient_list=[recipient],
    )
