"""Shared pieces of a product write: the article class, stock record lookup and field copies."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.partner.locks import stockrecords_lock
from commerce.partner.services import stockrecord_set_price
from merchants import conf
from merchants.models import Merchant
from merchants.products.inputs import (
    PRODUCT_CLASS_SLUG,
    ProductInput,
    clean_description,
    clean_title,
)

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")


def product_class_for_articles() -> ProductClass:
    product_class, _created = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS_SLUG,
        defaults={"name": "Article", "requires_shipping": True, "track_stock": True},
    )
    return product_class


def _apply_to_product(*, product: Product, data: ProductInput, now) -> None:
    product.title = clean_title(data.title)
    # Oscar's URLs carry the pk, so following the title never breaks a link.
    product.slug = slugify(product.title)[:255] or "article"
    product.description = clean_description(data.description)
    if data.size_label is not None:
        product.size_label = data.size_label.strip()
    if data.is_active is not None:
        product.is_public = data.is_active
    product.date_updated = now


def _apply_to_stockrecord(*, stockrecord: StockRecord, data: ProductInput, now) -> None:
    stockrecord.partner_sku = data.sku.strip()
    stockrecord_set_price(
        stockrecord=stockrecord,
        price_incl_tax=data.price_incl_tax,
        vat_rate=data.vat_rate,
        save=False,
    )
    stockrecord.num_in_stock = data.stock
    stockrecord.date_updated = now


def _new_product(*, product_class: ProductClass) -> Product:
    return Product(structure=Product.STANDALONE, product_class=product_class, is_public=True)


def _new_stockrecord(*, merchant: Merchant, product: Product) -> StockRecord:
    return StockRecord(
        product=product,
        partner=merchant.partner,
        price_currency=conf.currency(),
    )


def stockrecord_of_merchant(*, merchant: Merchant, product: Product) -> StockRecord:
    """The merchant's stock record of ``product``; PermissionDenied if it is not its product."""
    stockrecord = (
        StockRecord.objects.filter(product=product, partner_id=merchant.partner_id)
        .select_related("product")
        .first()
    )
    if stockrecord is None:
        raise PermissionDenied(_("Cet article n'appartient pas à votre boutique."))
    return stockrecord


def _stockrecord_locked(*, stockrecord: StockRecord) -> StockRecord:
    """The same stock record, locked and read again: purchases allocate under this lock, so
    the article's save neither waits on a stale copy nor writes one back."""
    return stockrecords_lock(stockrecord_ids=[stockrecord.pk])[stockrecord.pk]


def _sku_taken_error(sku: str) -> ValidationError:
    return ValidationError(
        {"sku": _("Un autre article de votre boutique a déjà le SKU « %(sku)s ».") % {"sku": sku}}
    )


PRODUCT_UPDATE_FIELDS = ["title", "slug", "description", "size_label", "is_public", "date_updated"]
STOCKRECORD_UPDATE_FIELDS = [
    "price",
    "price_incl_tax",
    "vat_rate",
    "num_in_stock",
    "date_updated",
]
