"""Row locks on stock records, taken in one place and always in the same order.

Every writer that changes stock for a purchase locks the rows here first. Locking in
primary-key order means two checkouts sharing articles queue behind each other instead of
deadlocking (Saleor's lock_objects does the same). Must run inside a transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from commerce.partner.models import StockRecord


def stockrecords_lock(*, stockrecord_ids: Iterable[int]) -> dict[int, StockRecord]:
    """Lock the stock records (SELECT … FOR UPDATE, by pk) and return them fresh, by id."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("stockrecords_lock must run inside transaction.atomic()")
    ids = sorted(set(stockrecord_ids))
    records = (
        StockRecord.objects.select_for_update(of=("self",))
        .select_related("product__product_class", "partner")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    return {record.pk: record for record in records}
