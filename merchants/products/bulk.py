"""Bulk create/update of a merchant's articles (executemany UPDATE, no model signals)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.partner.locks import stockrecords_lock
from merchants.audit import products_stock_log_bulk
from merchants.models import Merchant
from merchants.products.inputs import (
    BATCH_SIZE,
    ProductInput,
    product_input_validate,
)
from merchants.products.records import (
    PRODUCT_UPDATE_FIELDS,
    STOCKRECORD_UPDATE_FIELDS,
    _apply_to_product,
    _apply_to_stockrecord,
    _new_product,
    _new_stockrecord,
    product_class_for_articles,
)
from merchants.products.writes import (
    _set_categories,
)
from merchants.signals import products_bulk_saved

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


def _update_rows(model, objects: Sequence, field_names: Sequence[str]) -> None:
    """Write ``field_names`` of ``objects`` with one prepared UPDATE run by executemany.

    Not QuerySet.bulk_update: its CASE WHEN expressions cost about 2 s per thousand rows in
    Django's Python code (bench/bench_import_products.py: 444 rows/s against thousands).
    Values go through each field's get_db_prep_save, as the ORM would send them.
    """
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    params = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        + [obj.pk]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


@dataclass
class BulkSaveResult:
    created: list[Product]
    updated: list[Product]


def _bulk_create(*, merchant: Merchant, rows: Sequence[ProductInput], now) -> list[Product]:
    product_class = product_class_for_articles()
    products = []
    for data in rows:
        product = _new_product(product_class=product_class)
        _apply_to_product(product=product, data=data, now=now)
        products.append(product)
    # SQLite ≥ 3.35 and PostgreSQL return the new primary keys, which the links need.
    products = Product.objects.bulk_create(products, batch_size=BATCH_SIZE)
    stockrecords = []
    for product, data in zip(products, rows, strict=True):
        stockrecord = _new_stockrecord(merchant=merchant, product=product)
        _apply_to_stockrecord(stockrecord=stockrecord, data=data, now=now)
        stockrecords.append(stockrecord)
    StockRecord.objects.bulk_create(stockrecords, batch_size=BATCH_SIZE)
    ProductCategory.objects.bulk_create(
        [
            ProductCategory(product=product, category=data.category)
            for product, data in zip(products, rows, strict=True)
        ],
        batch_size=BATCH_SIZE,
    )
    return products


def _bulk_update(
    *, rows: Sequence[tuple[StockRecord, ProductInput]], now, by=None
) -> list[Product]:
    products, stockrecords = [], []
    products_stock_log_bulk(
        changes=[(record.product, record.num_in_stock, data.stock) for record, data in rows],
        by=by,
    )
    for stockrecord, data in rows:
        _apply_to_product(product=stockrecord.product, data=data, now=now)
        _apply_to_stockrecord(stockrecord=stockrecord, data=data, now=now)
        products.append(stockrecord.product)
        stockrecords.append(stockrecord)
    _update_rows(Product, products, PRODUCT_UPDATE_FIELDS)
    # Same lock as a purchase takes; the UPDATE never names the allocation columns.
    for start in range(0, len(stockrecords), BATCH_SIZE):
        batch = stockrecords[start : start + BATCH_SIZE]
        stockrecords_lock(stockrecord_ids=[stockrecord.pk for stockrecord in batch])
    _update_rows(StockRecord, stockrecords, STOCKRECORD_UPDATE_FIELDS)
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        _set_categories(
            products=[stockrecord.product for stockrecord, _data in batch],
            categories=[data.category for _stockrecord, data in batch],
        )
    return products


@transaction.atomic
def products_bulk_save_for_merchant(
    *,
    merchant: Merchant,
    creates: Sequence[ProductInput],
    updates: Sequence[tuple[StockRecord, ProductInput]],
    by=None,
) -> BulkSaveResult:
    """Create and update many articles in one transaction, with a constant number of
    queries per thousand articles (the catalogue import's write).

    ``updates`` pairs each of the merchant's stock records (with its product loaded) with
    the new data. Every row is validated again; one invalid row writes nothing.
    """
    for data in [*creates, *(data for _stockrecord, data in updates)]:
        product_input_validate(data=data)
    if any(stockrecord.partner_id != merchant.partner_id for stockrecord, _data in updates):
        raise PermissionDenied(_("Cet article n'appartient pas à votre boutique."))
    now = timezone.now()
    result = BulkSaveResult(
        created=_bulk_create(merchant=merchant, rows=creates, now=now) if creates else [],
        updated=_bulk_update(rows=updates, now=now, by=by) if updates else [],
    )
    products_bulk_saved.send(
        sender=Product, product_ids=[p.pk for p in [*result.created, *result.updated]]
    )
    return result


# Photos. A photo's `code` (Oscar's unique field) is "<product pk>-<digest of the upload>",
# so the same photo sent again for the same article is recognised, not stored twice.
