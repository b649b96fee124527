"""Reads of orders that commerce owns: an order's status history."""

from __future__ import annotations

from django.db.models import QuerySet

from commerce.order.models import Order, OrderStatusChange


def order_status_history(*, order: Order) -> QuerySet[OrderStatusChange]:
    """Each status change of the order, oldest first: when (``date_created``), who
    (``changed_by``, None for the system or a deleted account), from ``old_status`` to
    ``new_status``. The caller has scoped the order (merchants.scoping)."""
    return (
        OrderStatusChange.objects.filter(order=order)
        .select_related("changed_by")
        .order_by("date_created", "pk")
    )
