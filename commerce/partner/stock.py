"""Free stock: what a shop can still sell of an offer, one rule in SQL and in Python.

Free stock is the number in stock minus what placed orders already hold (allocated); an
unknown stock counts as none and an unknown allocation as nothing, as Oscar's
``net_stock_level`` does, and it is never below zero.
"""

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Greatest


def free_stock_expression(*, prefix: str = ""):
    """SQL for a stock record's free stock; ``prefix`` reaches it through a relation."""
    in_stock = Coalesce(F(f"{prefix}num_in_stock"), Value(0))
    allocated = Coalesce(F(f"{prefix}num_allocated"), Value(0))
    return Greatest(in_stock - allocated, Value(0))


def free_stock_q(*, prefix: str = "") -> Q:
    """Stock records (or rows reaching one through ``prefix``) with free stock left.

    A plain lookup, so that through a multi-valued relation (``"stockrecords__"``) the test
    applies to the same stock record as the other conditions of the same ``filter()``.
    """
    return Q(**{f"{prefix}num_in_stock__gt": Coalesce(F(f"{prefix}num_allocated"), Value(0))})


def free_stock_from_values(*, num_in_stock: int | None, num_allocated: int | None) -> int:
    """Free stock from the two counts (rows read with ``values_list``)."""
    if num_in_stock is None:
        return 0
    return max(0, num_in_stock - (num_allocated or 0))


def stockrecord_free_stock(record) -> int:
    """Free stock of a loaded stock record."""
    return free_stock_from_values(
        num_in_stock=record.num_in_stock, num_allocated=record.num_allocated
    )
