"""Single writes to one article: save (create or update) and delete."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from merchants.audit import product_stock_log
from merchants.models import Merchant
from merchants.products.inputs import (
    BATCH_SIZE,
    ProductInput,
    product_input_validate,
)
from merchants.products.records import (
    STOCKRECORD_UPDATE_FIELDS,
    _apply_to_product,
    _apply_to_stockrecord,
    _new_product,
    _new_stockrecord,
    _sku_taken_error,
    _stockrecord_locked,
    product_class_for_articles,
    stockrecord_of_merchant,
)

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")


@transaction.atomic
def product_save_for_merchant(
    *,
    merchant: Merchant,
    sku: str,
    title: str,
    description: str,
    category: Category | None,
    price_incl_tax: Decimal,
    vat_rate: str,
    stock: int,
    size_label: str = "",
    is_active: bool = True,
    product: Product | None = None,
    by=None,
) -> Product:
    """Create an article (``product=None``) or update one of the merchant's articles.

    A stock change is recorded in the article's history with ``by``, the user.
    Raises ValidationError (per field, French) for invalid data or a SKU the shop already
    uses for another article, PermissionDenied for another shop's product.
    """
    data = ProductInput(
        sku=sku.strip(),
        title=title,
        description=description,
        category=category,
        price_incl_tax=price_incl_tax,
        vat_rate=str(vat_rate),
        stock=stock,
        size_label=size_label,
        is_active=is_active,
    )
    product_input_validate(data=data)
    same_sku = StockRecord.objects.filter(partner_id=merchant.partner_id, partner_sku=data.sku)
    if product is None:
        if same_sku.exists():
            raise _sku_taken_error(data.sku)
        product = _new_product(product_class=product_class_for_articles())
        stockrecord = _new_stockrecord(merchant=merchant, product=product)
    else:
        stockrecord = _stockrecord_locked(
            stockrecord=stockrecord_of_merchant(merchant=merchant, product=product)
        )
        if same_sku.exclude(pk=stockrecord.pk).exists():
            raise _sku_taken_error(data.sku)
    now = timezone.now()
    _apply_to_product(product=product, data=data, now=now)
    product.save()
    stockrecord.product = product
    stock_before = stockrecord.num_in_stock
    _apply_to_stockrecord(stockrecord=stockrecord, data=data, now=now)
    try:
        with transaction.atomic():
            if stockrecord.pk is None:
                stockrecord.save()
            else:
                stockrecord.save(update_fields=["partner_sku", *STOCKRECORD_UPDATE_FIELDS])
    except IntegrityError:
        # Two saves of the same new SKU at once: the (partner, SKU) constraint decides.
        raise _sku_taken_error(data.sku) from None
    _set_categories(products=[product], categories=[data.category])
    product_stock_log(product=product, old=stock_before, new=data.stock, by=by)
    return product


def _set_categories(*, products: Sequence[Product], categories: Sequence[Category]) -> None:
    """Each product ends in exactly its one category (a merchant picks one per article).

    Only products whose category changes are touched, so a price update costs one read.
    """
    current: dict[int, set[int]] = {}
    links = ProductCategory.objects.filter(product__in=[product.pk for product in products])
    for product_id, category_id in links.values_list("product_id", "category_id"):
        current.setdefault(product_id, set()).add(category_id)
    changed = [
        (product, category)
        for product, category in zip(products, categories, strict=True)
        if current.get(product.pk, set()) != {category.pk}
    ]
    if not changed:
        return
    ProductCategory.objects.filter(product__in=[product.pk for product, _c in changed]).delete()
    ProductCategory.objects.bulk_create(
        [ProductCategory(product=product, category=category) for product, category in changed],
        batch_size=BATCH_SIZE,
    )


@transaction.atomic
def product_delete_for_merchant(*, merchant: Merchant, product: Product) -> None:
    """Delete an article with its stock record, category links and photos (files included).

    Past orders keep their lines: Oscar's order lines copy the title and price.
    """
    stockrecord_of_merchant(merchant=merchant, product=product)
    product.delete()
