"""A shop takes articles out of an order it cannot supply in full (broken, out of stock).

``order_line_reduce`` is the one way in (merchants.services.order_lines calls it, scoped).
Steps, in one transaction:
1. lock the order's row (commerce.order.locks), as a status change does, so a reduction
   and a status change, or two submits of the same form, queue;
2. refuse when the order is handed over or cancelled, when the line no longer holds the
   quantity the merchant saw (the second of two submits), when the new quantity is not
   below it, or when no article would be left (that is a cancellation, which refunds the
   delivery fee too);
3. record the reduction; lower the line, the order's totals and the line's stock
   allocation (its stock record locked), so the freed articles are for sale again; then
   refund the amount (the line's price incl. VAT for the articles taken out, never the
   delivery fee) on the basket's payment (commerce.payment.refunds, under the checkout's
   lock), last, so that nothing can fail in the database after Stripe has refunded.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from commerce.order.locks import order_lock
from commerce.order.models import Checkout, LineReduction, Order
from commerce.order.statuses import HANDED_OVER, OrderStatus
from commerce.partner.locks import stockrecords_lock
from commerce.payment.refunds import order_refund_partial

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


class LineReductionRefused(ValueError):
    """The reduction cannot be made (French message for the merchant)."""

    @classmethod
    def line_changed(cls, *, line) -> LineReductionRefused:
        """The line no longer holds what the merchant saw: a second submit, or a colleague."""
        return cls(
            _("Cet article a déjà été modifié (quantité %(now)s) : rien n'a été remboursé de plus.")
            % {"now": line.quantity}
        )


@dataclass(frozen=True)
class LineReductionAmount:
    """What taking articles out of a line gives back, incl. and excl. VAT."""

    incl_tax: Decimal
    excl_tax: Decimal


def line_reduction_amount(*, line, quantity: int) -> LineReductionAmount:
    """The part of the line's price for the articles above ``quantity`` (0: the whole line).

    Proportional to the line's own price, so a discount on the line is shared out too.
    """
    if quantity <= 0:
        return LineReductionAmount(line.line_price_incl_tax, line.line_price_excl_tax)
    kept = Decimal(quantity) / Decimal(line.quantity)
    return LineReductionAmount(
        incl_tax=line.line_price_incl_tax - _cents(line.line_price_incl_tax * kept),
        excl_tax=line.line_price_excl_tax - _cents(line.line_price_excl_tax * kept),
    )


def order_line_reduction_allowed(*, order: Order) -> bool:
    """Articles can be taken out while the order is still in the shop's hands."""
    return order.status not in HANDED_OVER and order.status != OrderStatus.CANCELLED


def order_line_reduce(
    *, order_id: int, line_id: int, quantity: int, seen_quantity: int, reason: str, by
) -> LineReduction:
    """Bring one line down to ``quantity`` (0 removes it); see the module's steps.

    ``seen_quantity`` is the line's quantity the merchant confirmed against.
    """
    with transaction.atomic():
        order = order_lock(order_id=order_id)
        line = order.lines.filter(pk=line_id).first()
        _refuse_unless_allowed(order=order, line=line, quantity=quantity, seen=seen_quantity)
        if reason not in LineReduction.Reason.values:
            raise LineReductionRefused(_("Choisissez la raison."))
        amount = line_reduction_amount(line=line, quantity=quantity)
        reduction = LineReduction.objects.create(
            order=order,
            line=line,
            quantity_before=line.quantity,
            quantity_after=quantity,
            reason=reason,
            amount_incl_tax=amount.incl_tax,
            amount_excl_tax=amount.excl_tax,
            created_by=by,
        )
        _line_lower(line=line, quantity=quantity, amount=amount)
        _order_totals_lower(order=order, amount=amount)
        # Stripe last: whatever could fail in the database has been written.
        if amount.incl_tax > 0 and _is_paid_online(order=order):
            order_refund_partial(
                order=order, amount=amount.incl_tax, by=by, line_reduction=reduction
            )
    return reduction


def _refuse_unless_allowed(*, order: Order, line, quantity: int, seen: int) -> None:
    if not order_line_reduction_allowed(order=order):
        raise LineReductionRefused(
            _("Une commande « %(status)s » ne peut plus être modifiée.") % {"status": order.status}
        )
    if line is None or line.quantity == 0:
        raise LineReductionRefused(_("Cet article n'est plus dans la commande."))
    if line.quantity != seen:
        raise LineReductionRefused.line_changed(line=line)
    if not 0 <= quantity < line.quantity:
        raise LineReductionRefused(
            _("La nouvelle quantité doit être entre 1 et %(most)s, ou l'article retiré.")
            % {"most": line.quantity - 1}
        )
    if quantity == 0 and not order.lines.exclude(pk=line.pk).filter(quantity__gt=0).exists():
        raise LineReductionRefused(
            _(
                "C'est le dernier article de la commande : pour tout retirer, annulez la "
                "commande (les frais de livraison sont alors remboursés aussi)."
            )
        )


def _is_paid_online(*, order: Order) -> bool:
    if order.checkout_id is None:
        return False
    return Checkout.objects.filter(pk=order.checkout_id).exclude(payment_intent_id="").exists()


def _line_lower(*, line, quantity: int, amount: LineReductionAmount) -> None:
    removed = line.quantity - quantity
    records = stockrecords_lock(
        stockrecord_ids=[line.stockrecord_id] if line.stockrecord_id else []
    )
    record = records.get(line.stockrecord_id)
    if record is not None:
        if line.num_allocated is None:  # a line placed without per-line allocation
            record.cancel_allocation(removed)
        elif released := min(removed, line.num_allocated):
            record.cancel_allocation(released)
            line.num_allocated -= released
    kept = Decimal(quantity) / Decimal(line.quantity)
    for field in ("line_price_before_discounts_incl_tax", "line_price_before_discounts_excl_tax"):
        if (before := getattr(line, field)) is not None:
            setattr(line, field, _cents(before * kept))
    line.quantity = quantity
    line.line_price_incl_tax -= amount.incl_tax
    line.line_price_excl_tax -= amount.excl_tax
    line.save(
        update_fields=[
            "quantity",
            "num_allocated",
            "line_price_incl_tax",
            "line_price_excl_tax",
            "line_price_before_discounts_incl_tax",
            "line_price_before_discounts_excl_tax",
        ]
    )


def _order_totals_lower(*, order: Order, amount: LineReductionAmount) -> None:
    order.total_incl_tax -= amount.incl_tax
    order.total_excl_tax -= amount.excl_tax
    order.save(update_fields=["total_incl_tax", "total_excl_tax"])


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
