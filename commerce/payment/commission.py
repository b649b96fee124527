"""The council's commission on a shop's sale: one rule, in Decimal, rounded once.

commission = percent of the sale (rounded half up to the cent) + the fixed part, never more
than the sale itself, and nothing on a sale of zero (an order cancelled or refunded in full).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def commission_for(*, sale: Decimal, percent: Decimal, fixed: Decimal) -> Decimal:
    sale = Decimal(sale)
    if sale <= 0:
        return ZERO
    share = (sale * Decimal(percent) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return min(sale, share + Decimal(fixed)).quantize(CENT)
