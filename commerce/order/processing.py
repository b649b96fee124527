"""Every change of an order's status goes through here: Oscar's EventHandler, forked.

``order_status_change`` is the one way in; merchants.services.orders calls it and adds the
merchant's part (scoping, refund on cancellation, e-mail, audit). Steps, in the caller's
transaction:
1. lock the order's row (commerce.order.locks), so two changes of one order queue;
2. refuse a status the pipeline (commerce.order.statuses) does not allow from the current
   one for this order's fulfilment;
3. lock the stock records of its lines (commerce.partner.locks) when the change moves stock;
4. Oscar's ``Order.set_status``: the lines follow, ``order_status_changed`` is sent, an
   ``OrderStatusChange`` records from → to and when; here it also records who;
5. handing the order over (collected, delivered) consumes its allocations, so the articles
   leave the stock for good; cancelling releases them back to the free stock.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order import processing as oscar_processing

from commerce.order.locks import order_lock
from commerce.order.models import Order
from commerce.order.statuses import HANDED_OVER, OrderStatus, next_statuses
from commerce.partner.locks import stockrecords_lock


class OrderStatusRefused(Exception):
    """The change is not allowed from the order's current status."""


@dataclass(frozen=True)
class StockChange:
    """A stock record's count before and after a status change moved it."""

    product: object
    old: int | None
    new: int | None


@dataclass
class OrderStatusChanged:
    order: Order
    old_status: str
    new_status: str
    stock_changes: list[StockChange] = field(default_factory=list)


def order_next_statuses(*, order: Order) -> list[OrderStatus]:
    return next_statuses(status=order.status, fulfilment_mode=order.fulfilment_mode)


def order_status_change(*, order_id: int, status: str, by) -> OrderStatusChanged:
    """Move the order to ``status`` (see the module docstring); ``by`` is who asks."""
    with transaction.atomic():
        order = order_lock(order_id=order_id)
        return EventHandler(user=by).handle_order_status_change(order, status)


class EventHandler(oscar_processing.EventHandler):
    """Oscar's handler with the marketplace's pipeline rules and stock moves."""

    def handle_order_status_change(self, order, new_status, note_msg=None):
        if new_status not in order_next_statuses(order=order):
            raise OrderStatusRefused(
                _("Une commande « %(current)s » ne peut pas passer à « %(new)s ».")
                % {"current": order.status, "new": new_status}
            )
        moves_stock = new_status in HANDED_OVER or new_status == OrderStatus.CANCELLED
        lines = self._lines_with_locked_stock(order=order) if moves_stock else []
        result = OrderStatusChanged(order=order, old_status=order.status, new_status=new_status)
        order.set_status(new_status)
        # set_status just wrote the order's newest change; under the row lock it is ours.
        newest = order.status_changes.order_by("-pk").values("pk")[:1]
        order.status_changes.filter(pk__in=newest).update(changed_by=self.user)
        if new_status in HANDED_OVER:
            result.stock_changes = self.consume_stock_allocations(order, lines)
        elif new_status == OrderStatus.CANCELLED:
            self.cancel_stock_allocations(order, lines)
        if note_msg:
            self.create_note(order, note_msg)
        return result

    def consume_stock_allocations(self, order, lines=None, line_quantities=None):
        """Oscar's, never taking more than a stock record still holds: the merchant may have
        lowered the stock below what was sold, and handing the order over must not fail."""
        if lines is None:
            lines = self._lines_with_locked_stock(order=order)
        changes = []
        for line in lines:
            before = line.stockrecord.num_in_stock
            if line.num_allocated is None:  # a line placed without per-line allocation
                line.stockrecord.consume_allocation(line.quantity)
            elif quantity := _consumable(line=line):
                line.consume_allocation(quantity)
            changes.append(
                StockChange(
                    product=line.stockrecord.product, old=before, new=line.stockrecord.num_in_stock
                )
            )
        return changes

    def cancel_stock_allocations(self, order, lines=None, line_quantities=None):
        """Oscar's, releasing what each line still holds."""
        if lines is None:
            lines = self._lines_with_locked_stock(order=order)
        for line in lines:
            if line.num_allocated is None:  # a line placed without per-line allocation
                line.stockrecord.cancel_allocation(line.quantity)
            elif line.num_allocated:
                line.cancel_allocation(line.num_allocated)

    @staticmethod
    def _lines_with_locked_stock(*, order: Order) -> list:
        """The order's lines, each with its stock record locked and read fresh."""
        lines = list(order.lines.order_by("pk"))
        records = stockrecords_lock(
            stockrecord_ids=[line.stockrecord_id for line in lines if line.stockrecord_id]
        )
        for line in lines:
            if line.stockrecord_id in records:
                line.stockrecord = records[line.stockrecord_id]
        return [line for line in lines if line.stockrecord_id in records]


def _consumable(*, line) -> int:
    record = line.stockrecord
    return max(0, min(line.num_allocated, record.num_allocated or 0, record.num_in_stock or 0))
