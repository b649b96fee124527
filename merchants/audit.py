"""Who changed what, when: article stock and shops, in Wagtail's audit log.

Entries are Wagtail ModelLogEntry rows, so the viewsets' history screens show them with
the user and the time, beside Wagtail's own create/edit entries. Written by the services
that make the change, inside their transaction: a change that rolls back leaves no entry.

An order's history is not here: its timeline is read from the rows its changes write
(commerce.order.selectors.order_timeline). The two order actions below stay registered so
the entries written before that still read well in Wagtail's site history.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import ModelLogEntry

from commerce.prices import price_text

ORDER_STATUS_CHANGED = "orne.order.status"
STOCK_CHANGED = "orne.product.stock"
ORDER_REFUNDED = "orne.order.refund"
MERCHANT_SUSPENDED = "orne.merchant.suspended"
MERCHANT_REACTIVATED = "orne.merchant.reactivated"


class OrderStatusFormatter(LogFormatter):
    label = _("Changement de statut")

    def format_message(self, log_entry):
        return gettext("Statut : « %(old)s » → « %(new)s »") % {
            "old": log_entry.data.get("old", ""),
            "new": log_entry.data.get("new", ""),
        }


class OrderRefundFormatter(LogFormatter):
    label = _("Remboursement")

    def format_message(self, log_entry):
        return gettext("Remboursé : %(amount)s") % {
            "amount": price_text(log_entry.data.get("amount"))
        }


def _count(value) -> str:
    return "—" if value is None else str(value)


class StockFormatter(LogFormatter):
    label = _("Changement de stock")

    def format_message(self, log_entry):
        message = gettext("Stock : %(old)s → %(new)s") % {
            "old": _count(log_entry.data.get("old")),
            "new": _count(log_entry.data.get("new")),
        }
        if number := log_entry.data.get("order"):
            message += " " + gettext("(commande %(number)s remise au client)") % {"number": number}
        return message


def register_log_actions(actions) -> None:
    """Called from the ``register_log_actions`` hook (merchants.wagtail_hooks)."""
    actions.register_action(ORDER_STATUS_CHANGED)(OrderStatusFormatter)
    actions.register_action(STOCK_CHANGED)(StockFormatter)
    actions.register_action(ORDER_REFUNDED)(OrderRefundFormatter)
    actions.register_action(MERCHANT_SUSPENDED, _("Boutique suspendue"), _("Boutique suspendue"))
    actions.register_action(MERCHANT_REACTIVATED, _("Boutique réactivée"), _("Boutique réactivée"))


def product_stock_log(
    *, product, old: int | None, new: int | None, by, order_number: str = ""
) -> None:
    """Record a stock change; ``order_number`` when an order handed over consumed it."""
    if old == new:
        return
    data = {"old": old, "new": new}
    if order_number:
        data["order"] = order_number
    log(instance=product, action=STOCK_CHANGED, user=by, data=data)


def products_stock_log_bulk(*, changes: Sequence[tuple[object, int | None, int | None]], by):
    """One entry per (product, old, new) whose stock moved, in one INSERT per thousand."""
    rows = [(product, old, new) for product, old, new in changes if old != new]
    if not rows:
        return
    content_type = ContentType.objects.get_for_model(rows[0][0], for_concrete_model=False)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(product.pk),
                label=str(product),
                action=STOCK_CHANGED,
                timestamp=now,
                user=by,
                data={"old": old, "new": new},
            )
            for product, old, new in rows
        ],
        batch_size=1000,
    )
