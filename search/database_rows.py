"""The database backend's narrow product rows (search.models.SearchProductRow) and the
digest that spares unchanged documents a write.

A sale changes a stock record, which reindexes its product after commit; each index write
bumps the index version and makes every cached facet count and listing page cold site-wide.
Most sales leave the document as it was (10 in stock, then 9: still in stock), so the
after-commit path (search.services) writes to the database backend only the products whose
document hash differs from the one stored with their row. Rebuilds write everything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from merchants.models import Merchant
from search.index_version import search_index_changed
from search.loading import products_for_index
from search.models import SearchableProduct, SearchProductRow

ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


def price_cents(price: Decimal | None, *, rounding: str = ROUND_HALF_UP) -> int | None:
    """A price in cents (prices carry two decimals; a bound may carry more: ``rounding``)."""
    if price is None:
        return None
    return int((Decimal(price) * 100).to_integral_value(rounding=rounding))


def document_digest(values: dict) -> str:
    """A hash of a document's values (field order and value types do not vary per product)."""
    text = repr(sorted(values.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def products_with_changed_documents(products: list) -> list:
    """The products among ``products`` whose document differs from their stored row's."""
    stored = dict(
        SearchProductRow.objects.filter(pk__in=[p.pk for p in products]).values_list("pk", "digest")
    )
    return [p for p in products if stored.get(p.pk) != document_digest(p.search_document_values())]


def product_rows_write(*, objects: list[tuple[int, dict]]) -> None:
    """Replace the rows of these products ((pk, document values) pairs)."""
    ids = [pk for pk, _ in objects]
    partners = _first_partners(ids)
    merchants = dict(
        Merchant.objects.filter(partner_id__in=set(partners.values())).values_list(
            "partner_id", "pk"
        )
    )
    categories = _first_categories(ids)
    rows = []
    for pk, values in objects:
        partner_id = partners.get(pk)
        if partner_id is None or partner_id not in merchants:
            continue  # not indexable any more (no stock record, shop gone)
        modes = values.get("modes") or []
        rows.append(
            SearchProductRow(
                product_id=pk,
                partner_id=partner_id,
                merchant_id=merchants[partner_id],
                commune_code=values.get("commune_code") or "",
                intercommunality_code=values.get("intercommunality_code") or "",
                offers_delivery=FulfilmentMode.DELIVERY.value in modes,
                offers_click_collect=FulfilmentMode.CLICK_COLLECT.value in modes,
                price_cents=price_cents(values.get("price_incl_tax")),
                in_stock=bool(values.get("in_stock")),
                category_id=categories.get(pk),
                date_created=values["date_created"],
                digest=document_digest(values),
            )
        )
    SearchProductRow.objects.filter(pk__in=ids).delete()
    SearchProductRow.objects.bulk_create(rows, batch_size=2000)


def product_rows_delete(*, ids: Iterable[int]) -> None:
    SearchProductRow.objects.filter(pk__in=list(ids)).delete()


def product_rows_delete_stale() -> None:
    """Drop the rows of products no longer indexed (a rebuild starts with it)."""
    indexed = SearchableProduct.get_indexed_objects().order_by().values("pk")
    SearchProductRow.objects.exclude(pk__in=indexed).delete()


def _first_partners(ids: list[int]) -> dict[int, int]:
    # The first stock record, as the document's (SearchableProduct._stockrecord).
    found: dict[int, int] = {}
    records = StockRecord.objects.filter(product_id__in=ids).order_by("product_id", "pk")
    for product_id, partner_id in records.values_list("product_id", "partner_id"):
        found.setdefault(product_id, partner_id)
    return found


def _first_categories(ids: list[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    links = ProductCategory.objects.filter(product_id__in=ids).order_by("product_id", "pk")
    for product_id, category_id in links.values_list("product_id", "category_id"):
        found.setdefault(product_id, category_id)
    return found


def product_rows_clear() -> None:
    """Every row goes (the index was reset)."""
    SearchProductRow.objects.all().delete()


def product_rows_fill(*, chunk_size: int = 1000) -> int:
    """Write the row of every indexed product and drop the others' (after the migration
    that adds the table, or a restore: `manage.py search_fill_rows`); returns how many."""
    product_rows_delete_stale()
    ids = list(SearchableProduct.get_indexed_objects().values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), chunk_size):
        products = products_for_index(ids[start : start + chunk_size])
        product_rows_write(objects=[(p.pk, p.search_document_values()) for p in products])
        done += len(products)
    # Counts cached from the rows before (an empty table) are stale.
    search_index_changed()
    return done
