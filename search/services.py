"""Keeping the index true: writes to every search backend, after the database commits.

Signal receivers (search.signals) only call the `*_schedule_index` functions; the work runs
in `transaction.on_commit`, so a rolled-back change is never indexed and a request's
transaction never waits on the engine. Ids scheduled during one transaction are indexed
together by its first commit callback, as one `search_index_task`: in a worker with the
database queue (TASK_BACKEND=database), at once with the immediate backend.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from modelsearch.backends import get_search_backends_with_name
from oscar.core.loading import get_model

from merchants.models import Commune, Merchant
from search.database_rows import products_with_changed_documents
from search.loading import objects_for_index
from search.models import PendingIndexUpdate, SearchableMerchant, SearchableProduct

logger = logging.getLogger(__name__)
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

_pending = threading.local()


def _pending_ids(kind: str) -> set[int]:
    if not hasattr(_pending, kind):
        setattr(_pending, kind, set())
    return getattr(_pending, kind)


def products_schedule_index(*, product_ids: Iterable[int]) -> None:
    """Index (or drop) these products once the current transaction has committed."""
    _pending_ids("products").update(pk for pk in product_ids if pk is not None)
    transaction.on_commit(_flush_products)


def merchant_schedule_index(*, merchant_id: int, partner_id: int) -> None:
    """Reindex a shop and every product it sells (commune, activation or modes changed).

    Products are found through the partner, which outlives a deleted merchant.
    """
    _pending_ids("merchants").add((merchant_id, partner_id))
    transaction.on_commit(_flush_merchants)


def category_schedule_index(*, category_id: int) -> None:
    """Reindex the products of a category and of its descendants after commit.

    Their documents list the category's name and slug, and those of its ancestors; a move
    (which rewrites the subtree's paths) changes the chain too. The path is read at flush
    time, after any move in the same transaction.
    """
    _pending_ids("categories").add(category_id)
    transaction.on_commit(_flush_categories)


def communes_schedule_index(*, commune_ids: Iterable[int]) -> None:
    """Reindex the shops of these communes and their products (a commune was renamed)."""
    merchants = Merchant.objects.filter(commune_id__in=list(commune_ids))
    for merchant_id, partner_id in merchants.values_list("pk", "partner_id"):
        merchant_schedule_index(merchant_id=merchant_id, partner_id=partner_id)


def intercommunality_schedule_index(*, intercommunality_id: int) -> None:
    """Reindex the shops of an intercommunality's communes (it was renamed)."""
    communes = Commune.objects.filter(intercommunality_id=intercommunality_id)
    communes_schedule_index(commune_ids=communes.values_list("pk", flat=True))


def _flush_categories() -> None:
    ids = _pending_ids("categories")
    if not ids:
        return
    batch = set(ids)
    ids.clear()
    in_subtrees = Q(pk__in=[])
    for path in Category.objects.filter(pk__in=batch).values_list("path", flat=True):
        in_subtrees |= Q(category__path__startswith=path)
    links = ProductCategory.objects.filter(in_subtrees)
    _enqueue(product_ids=set(links.values_list("product_id", flat=True)))


def _flush_products() -> None:
    ids = _pending_ids("products")
    if ids:
        batch = set(ids)
        ids.clear()
        _enqueue(product_ids=batch)


def _flush_merchants() -> None:
    ids = _pending_ids("merchants")
    if not ids:
        return
    batch = set(ids)
    ids.clear()
    product_ids = StockRecord.objects.filter(
        partner_id__in={partner_id for _, partner_id in batch}
    ).values_list("product_id", flat=True)
    _enqueue(product_ids=set(product_ids), merchant_ids={merchant_id for merchant_id, _ in batch})


def _enqueue(*, product_ids: set[int], merchant_ids: set[int] = frozenset()) -> None:
    if product_ids or merchant_ids:
        search_index_task.enqueue(
            product_ids=sorted(product_ids), merchant_ids=sorted(merchant_ids)
        )


@task()
def search_index_task(*, product_ids: list[int], merchant_ids: list[int]) -> None:
    """Write these shops' and products' documents (run after the commit that changed them)."""
    _index_objects(model=SearchableMerchant, ids=set(merchant_ids))
    products_index(product_ids=product_ids)


def products_index(*, product_ids: Iterable[int]) -> None:
    """Write these products' documents now; drop those no longer indexable."""
    _index_objects(model=SearchableProduct, ids=set(product_ids))


def shops_index(*, shop_ids: Iterable[int]) -> None:
    """Write these shops' documents now; drop those no longer indexable."""
    _index_objects(model=SearchableMerchant, ids=set(shop_ids))


def _index_objects(
    *, model, ids: set[int], chunk_size: int = 1000, only: str | None = None
) -> set[str]:
    """Write these objects to every backend (or `only` that one); return those that failed."""
    failed: set[str] = set()
    ids = sorted(ids)
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        objects = objects_for_index(model, chunk)
        stale = set(chunk) - {obj.pk for obj in objects}
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            if only is not None and name != only:
                continue
            try:
                written = objects
                if model is SearchableProduct and not hasattr(backend, "es") and only is None:
                    # The database backend stores each document's hash: an unchanged one
                    # (a sale leaving stock) keeps the index, and the cached counts, as is.
                    written = products_with_changed_documents(objects)
                if written:
                    backend.add_bulk(model, written)
                _delete_documents(backend=backend, model=model, ids=stale)
            except Exception:
                # The engine being down must not break a merchant's save: what it missed
                # is kept for `search_catch_up`. Database backends re-raise: their error
                # means the transaction is broken anyway (modelsearch does the same).
                logger.warning(
                    "Search backend %r could not index %d %s (kept for search_catch_up)",
                    name,
                    len(chunk),
                    model._meta.verbose_name_plural,
                    exc_info=True,
                )
                if not backend.catch_indexing_errors:
                    raise
                failed.add(name)
                _remember_missed(backend_name=name, model=model, ids=chunk)
    return failed


def _remember_missed(*, backend_name: str, model, ids: Iterable[int]) -> None:
    PendingIndexUpdate.objects.bulk_create(
        [
            PendingIndexUpdate(backend=backend_name, model=model._meta.label, object_id=pk)
            for pk in ids
        ],
        update_conflicts=True,
        unique_fields=["backend", "model", "object_id"],
        update_fields=["missed_at"],
    )


@dataclass
class CatchUpReport:
    indexed: int = 0
    still_pending: int = 0


def search_catch_up(*, chunk_size: int = 1000) -> CatchUpReport:
    """Index again what an engine missed while it was unreachable.

    Run it on a timer (`manage.py search_catch_up`); a backend still unreachable keeps its
    rows for the next run. A row missed again while its chunk was being indexed is kept.
    """
    report = CatchUpReport()
    indexed_models = {m._meta.label: m for m in (SearchableProduct, SearchableMerchant)}
    pending = PendingIndexUpdate.objects.all()
    for name, label in pending.values_list("backend", "model").distinct().order_by():
        rows = pending.filter(backend=name, model=label).order_by("pk")
        last_pk = 0
        while chunk := list(
            rows.filter(pk__gt=last_pk).values_list("pk", "object_id")[:chunk_size]
        ):
            last_pk = chunk[-1][0]
            started = timezone.now()
            ids = {object_id for _, object_id in chunk}
            if name in _index_objects(model=indexed_models[label], ids=ids, only=name):
                report.still_pending += rows.count()
                break
            rows.filter(pk__in=[pk for pk, _ in chunk], missed_at__lt=started).delete()
            report.indexed += len(chunk)
    return report


def pending_forget(*, backend_name: str, before) -> None:
    """A full rebuild started at `before` covers what was missed until then."""
    PendingIndexUpdate.objects.filter(backend=backend_name, missed_at__lt=before).delete()


def _delete_documents(*, backend, model, ids: set[int]) -> None:
    if not ids:
        return
    if hasattr(backend, "es"):
        # One _bulk request instead of one DELETE per document (a shop has thousands).
        actions = [{"_op_type": "delete", "_id": str(pk)} for pk in sorted(ids)]
        index_name = backend.get_index_for_model(model).name
        backend.bulk(backend.es, actions, index=index_name, raise_on_error=False)
        return
    for pk in ids:
        backend.delete(model(pk=pk))
