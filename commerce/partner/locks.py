"""Row locks on stock records, taken in one place and always in the same order.

Every writer that changes stock for a purchase locks the rows here first. Locking in
primary-key order means two checkouts sharing articles queue behind each other instead of
deadlocking (Saleor's lock_objects does the same). Must run inside a transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from commerce.partner.models import StockRecord
from commerce.partner.strategy import Selector


def stockrecords_lock(
    *, stockrecord_ids: Iterable[int], offered_only: bool = False
) -> dict[int, StockRecord]:
    """Lock the stock records (SELECT … FOR UPDATE, by pk) and return them fresh, by id.

    ``offered_only`` leaves out (still locked) the records whose article is no longer for
    sale (hidden, or its shop suspended: the strategy's ``is_offered``), so a purchase
    treats them as gone and refunds them like missing stock.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("stockrecords_lock must run inside transaction.atomic()")
    ids = sorted(set(stockrecord_ids))
    records = (
        StockRecord.objects.select_for_update(of=("self",))
        .select_related("product__product_class", "partner")
        .filter(pk__in=ids)
        .order_by("pk")
    )
    locked = {record.pk: record for record in records}
    if offered_only:
        strategy = Selector().strategy()
        locked = {
            pk: record
            for pk, record in locked.items()
            if strategy.is_offered(record.product, record)
        }
    return locked
