"""Reads of the payout ledger: one shop's records, and every shop's totals over a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, ExtractQuarter

from commerce.payment.payout_models import ShopPayout

ZERO = Decimal("0.00")
State = ShopPayout.State


@dataclass(frozen=True)
class PayoutTotals:
    """Every euro of a shop's orders over a period, by where it stands."""

    orders: int = 0
    sales: Decimal = ZERO  # incl. VAT, as placed
    refunds: Decimal = ZERO
    commission: Decimal = ZERO
    transferred: Decimal = ZERO  # net of reversals: what the shop holds
    coming: Decimal = ZERO  # waiting for the hand-over or held for the account
    failed: Decimal = ZERO


def payouts_for_partner(*, partner_id: int) -> QuerySet[ShopPayout]:
    return (
        ShopPayout.objects.filter(partner_id=partner_id)
        .select_related("order", "checkout")
        .order_by("-created_at", "-pk")
    )


def payout_totals_by_partner(
    *, start: date | None = None, end: date | None = None, partner_ids=None
) -> dict[int, PayoutTotals]:
    """Totals per partner id of the records placed from ``start`` to ``end`` (both included)."""
    records = ShopPayout.objects.all()
    if start:
        records = records.filter(created_at__date__gte=start)
    if end:
        records = records.filter(created_at__date__lte=end)
    if partner_ids is not None:
        records = records.filter(partner_id__in=partner_ids)
    money = DecimalField(max_digits=14, decimal_places=2)
    payable = F("due") - F("refunded") - F("commission")

    def total(expression, condition=None):
        return Coalesce(Sum(expression, filter=condition, output_field=money), Value(ZERO))

    # Annotations named apart from the fields: F("commission") must stay the column.
    rows = records.values("partner_id").annotate(
        n=Sum(Value(1)),
        total_sales=total(F("due")),
        total_refunds=total(F("refunded")),
        total_commission=total(F("commission")),
        total_transferred=total(F("transferred") - F("reversed")),
        total_coming=total(payable, Q(state__in=[State.WAITING, State.HELD])),
        total_failed=total(payable, Q(state=State.FAILED)),
    )
    return {
        row["partner_id"]: PayoutTotals(
            orders=row["n"],
            sales=row["total_sales"],
            refunds=row["total_refunds"],
            commission=row["total_commission"],
            transferred=row["total_transferred"],
            coming=row["total_coming"],
            failed=row["total_failed"],
        )
        for row in rows
    }


def payout_quarters_by_partner(*, year: int) -> dict[int, dict[int, dict]]:
    """Per partner id and quarter (1–4) of ``year``: sales count, net amount, commission.

    For the council's yearly DAC7 seller report: the amount is what the shopper paid less
    what was refunded, the commission what the platform kept (orders cancelled count 0 €).
    """
    money = DecimalField(max_digits=14, decimal_places=2)
    rows = (
        ShopPayout.objects.filter(created_at__year=year)
        .annotate(quarter=ExtractQuarter("created_at"))
        .values("partner_id", "quarter")
        .annotate(
            sales_count=Count("pk", filter=Q(due__gt=F("refunded"))),
            net=Coalesce(Sum(F("due") - F("refunded"), output_field=money), Value(ZERO)),
            fees=Coalesce(Sum("commission", output_field=money), Value(ZERO)),
        )
    )
    quarters: dict[int, dict[int, dict]] = {}
    for row in rows:
        quarters.setdefault(row["partner_id"], {})[row["quarter"]] = {
            "count": row["sales_count"],
            "amount": row["net"],
            "commission": row["fees"],
        }
    return quarters
