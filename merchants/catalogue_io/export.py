"""The merchant's catalogue as the import reads it (see csv_format for the chosen form).

Photos are not exported: an export re-imported without a zip leaves them as they are.
"""

from __future__ import annotations

from collections.abc import Iterator

from oscar.core.loading import get_model

from merchants.catalogue_io.categories import CategoryIndex
from merchants.catalogue_io.csv_format import format_bool, format_decimal, write_table
from merchants.models import Merchant

ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


def catalogue_export_rows(*, merchant: Merchant) -> Iterator[list[str]]:
    """One row per article, by SKU, in EXPORT_COLUMNS order; three queries in all."""
    categories = CategoryIndex.load()
    by_pk = {category.pk: category for category in categories.categories()}
    links: dict[int, list[str]] = {}
    for product_id, category_id in ProductCategory.objects.filter(
        product__stockrecords__partner_id=merchant.partner_id
    ).values_list("product_id", "category_id"):
        links.setdefault(product_id, []).append(categories.label(by_pk[category_id]))
    stockrecords = (
        StockRecord.objects.filter(partner_id=merchant.partner_id)
        .select_related("product")
        .order_by("partner_sku")
    )
    for record in stockrecords.iterator(chunk_size=2000):
        product = record.product
        yield [
            record.partner_sku,
            product.title,
            product.description,
            # An article has one category; should there be more, the first path is kept.
            min(links.get(product.pk, [""])),
            format_decimal(record.price_incl_tax) if record.price_incl_tax is not None else "",
            format_decimal(record.vat_rate_decimal),
            str(record.num_in_stock or 0),
            product.size_label,
            format_bool(product.is_public),
        ]


def catalogue_export_csv(*, merchant: Merchant) -> bytes:
    """The whole CSV file: UTF-8 with BOM, semicolons, decimal commas."""
    return write_table(catalogue_export_rows(merchant=merchant))
