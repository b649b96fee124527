"""Writes to a merchant's products: the one place where an article, its stock record, its
category and its photos change, for the back office's forms and for the catalogue import.

A product belongs to exactly one merchant: its only stock record is the merchant's Oscar
partner's, and the merchant's SKU is that stock record's `partner_sku` (unique per
partner, so two shops may use the same SKU). Every function takes the merchant and refuses
a product that is not its own (PermissionDenied), even when the caller already scoped it.

Bulk writes (`products_bulk_save_for_merchant`) skip model signals; anything that must follow
a product change (search indexing, later) belongs in these functions, not in receivers.
"""

from merchants.products.bulk import (
    PRODUCT_UPDATE_FIELDS,
    STOCKRECORD_UPDATE_FIELDS,
    BulkSaveResult,
    products_bulk_save_for_merchant,
)
from merchants.products.inputs import (
    BATCH_SIZE,
    MAX_PRICE,
    MAX_STOCK,
    PRODUCT_CLASS_SLUG,
    ProductInput,
    clean_description,
    clean_title,
    product_input_changes,
    product_input_errors,
    product_input_validate,
)
from merchants.products.photos import (
    photo_code,
    product_set_images,
    product_set_main_photo,
)
from merchants.products.records import (
    product_class_for_articles,
    stockrecord_of_merchant,
)
from merchants.products.writes import (
    product_delete_for_merchant,
    product_save_for_merchant,
)

__all__ = [
    "PRODUCT_CLASS_SLUG",
    "MAX_PRICE",
    "MAX_STOCK",
    "BATCH_SIZE",
    "ProductInput",
    "clean_title",
    "clean_description",
    "product_input_errors",
    "product_input_validate",
    "product_input_changes",
    "product_class_for_articles",
    "stockrecord_of_merchant",
    "product_save_for_merchant",
    "product_delete_for_merchant",
    "BulkSaveResult",
    "PRODUCT_UPDATE_FIELDS",
    "STOCKRECORD_UPDATE_FIELDS",
    "products_bulk_save_for_merchant",
    "photo_code",
    "product_set_images",
    "product_set_main_photo",
]
