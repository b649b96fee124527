"""Reads of orders that commerce owns: an order's status history and its one timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from commerce.order.models import LineReduction, Order, OrderStatusChange
from commerce.payment.models import Refund


def order_status_history(*, order: Order) -> QuerySet[OrderStatusChange]:
    """Each status change of the order, oldest first: when (``date_created``), who
    (``changed_by``, None for the system or a deleted account), from ``old_status`` to
    ``new_status``. The caller has scoped the order (merchants.scoping)."""
    return (
        OrderStatusChange.objects.filter(order=order)
        .select_related("changed_by")
        .order_by("date_created", "pk")
    )


@dataclass(frozen=True)
class OrderEvent:
    """One line of an order's timeline: when, who (None: the site itself), what, refunded."""

    at: datetime
    by: object | None
    text: str
    refunded: Decimal | None = None


def order_timeline(*, order: Order) -> list[OrderEvent]:
    """Everything that happened to the order after it was placed, oldest first.

    Read from the rows the changes themselves wrote: Oscar's status changes (with who),
    the articles a shop took out (with their refund) and every other refund of the order
    (a cancellation, an amount given back, one made in Stripe). Three queries, however
    long the order's life. The caller has scoped the order (merchants.scoping).
    """
    events = [
        OrderEvent(
            at=change.date_created,
            by=change.changed_by,
            text=_("Statut : « %(old)s » → « %(new)s »")
            % {"old": change.old_status, "new": change.new_status},
        )
        for change in order_status_history(order=order)
    ]
    reductions = LineReduction.objects.filter(order=order).select_related(
        "created_by", "line", "refund"
    )
    events += [
        OrderEvent(
            at=reduction.created_at,
            by=reduction.created_by,
            text=line_reduction_text(reduction=reduction),
            refunded=_refund_amount(reduction),
        )
        for reduction in reductions
    ]
    refunds = Refund.objects.filter(order=order, line_reduction__isnull=True).select_related(
        "created_by"
    )
    events += [
        OrderEvent(
            at=refund.created_at,
            by=refund.created_by,
            text=_("Remboursement : %(kind)s") % {"kind": refund.get_kind_display()},
            refunded=refund.amount,
        )
        for refund in refunds
    ]
    return sorted(events, key=lambda event: event.at)


def line_reduction_text(*, reduction: LineReduction) -> str:
    """« Camembert » : 3 → 1 (Rupture de stock), or « Camembert » retiré (…)."""
    values = {
        "title": reduction.line.title,
        "before": reduction.quantity_before,
        "after": reduction.quantity_after,
        "reason": reduction.get_reason_display(),
    }
    if reduction.quantity_after == 0:
        return _("« %(title)s » retiré (%(reason)s)") % values
    return _("« %(title)s » : %(before)s → %(after)s (%(reason)s)") % values


def _refund_amount(reduction: LineReduction) -> Decimal | None:
    try:
        return reduction.refund.amount
    except Refund.DoesNotExist:
        return None  # not paid online: nothing to give back
