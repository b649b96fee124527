"""Writes to a merchant's products: the one place where an article, its stock record, its
category and its photos change, for the back office's forms and for the catalogue import.

A product belongs to exactly one merchant: its only stock record is the merchant's Oscar
partner's, and the merchant's SKU is that stock record's `partner_sku` (unique per
partner, so two shops may use the same SKU). Every function takes the merchant and refuses
a product that is not its own (PermissionDenied), even when the caller already scoped it.

Bulk writes (`products_bulk_save_for_merchant`) skip model signals; anything that must follow
a product change (search indexing, later) belongs in these functions, not in receivers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import IntegrityError, connections, router, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.partner.locks import stockrecords_lock
from commerce.partner.services import stockrecord_set_price
from commerce.partner.vat import VatRate
from merchants.audit import product_stock_log, products_stock_log_bulk
from merchants.images import CleanPhoto, CleanPhotoFile, photo_clean
from merchants.models import Merchant
from merchants.signals import products_bulk_saved

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

# Every merchant article uses one product class (see the demo seeding); no attributes.
PRODUCT_CLASS_SLUG = "article"
MAX_PRICE = Decimal("99999999.99")
MAX_STOCK = 2_147_483_647  # PositiveIntegerField's upper bound on every backend
BATCH_SIZE = 1000


@dataclass(frozen=True)
class ProductInput:
    """What a merchant states about one article, already typed (Decimal, int, Category)."""

    sku: str
    title: str
    description: str
    category: Category | None
    price_incl_tax: Decimal
    vat_rate: str
    stock: int
    # None keeps the current value (a CSV without these columns); new products get ""/True.
    size_label: str | None = None
    is_active: bool | None = None


def clean_title(text: str) -> str:
    return text.strip()


def clean_description(text: str) -> str:
    # Browsers send text areas with CRLF, spreadsheets with LF: store one form.
    return text.replace("\r\n", "\n").strip()


def _field_max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def product_input_errors(*, data: ProductInput) -> dict[str, list[str]]:
    """Every rule an article must follow, as French messages per field (empty: valid)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    limits = (
        ("sku", data.sku, _field_max_length(StockRecord, "partner_sku")),
        ("title", data.title, _field_max_length(Product, "title")),
        ("size_label", data.size_label or "", _field_max_length(Product, "size_label")),
    )
    for field, value, max_length in limits:
        if len(value) > max_length:
            add(field, _("%(max)d caractères au plus.") % {"max": max_length})
    if not data.sku.strip():
        add("sku", _("Le SKU (référence de l'article) est obligatoire."))
    if not data.title.strip():
        add("title", _("Le titre est obligatoire."))
    if data.category is None:
        add("category", _("La catégorie est obligatoire."))
    price = data.price_incl_tax
    if not isinstance(price, Decimal) or not price.is_finite():
        add("price_incl_tax", _("Le prix doit être un nombre."))
    elif price <= 0:
        add("price_incl_tax", _("Le prix doit être supérieur à 0 €."))
    elif price > MAX_PRICE:
        add("price_incl_tax", _("Le prix est trop grand."))
    elif price != price.quantize(Decimal("0.01")):
        add("price_incl_tax", _("Le prix a au plus deux chiffres après la virgule."))
    if data.vat_rate not in VatRate.values:
        add("vat_rate", _("Le taux de TVA doit être 5,5 %, 10 % ou 20 %."))
    if isinstance(data.stock, bool) or not isinstance(data.stock, int) or data.stock < 0:
        add("stock", _("Le stock est un nombre entier, 0 ou plus."))
    elif data.stock > MAX_STOCK:
        add("stock", _("Le stock est trop grand."))
    return errors


def product_input_validate(*, data: ProductInput) -> None:
    if errors := product_input_errors(data=data):
        raise ValidationError(errors)


def product_input_changes(
    *, stockrecord: StockRecord, data: ProductInput, category_ids: set[int]
) -> list[str]:
    """Names of the fields an update would change (empty: the article is unchanged).

    ``category_ids`` are the product's current categories, fetched by the caller in bulk.
    """
    product = stockrecord.product
    compared = [
        ("title", product.title, clean_title(data.title)),
        ("description", product.description, clean_description(data.description)),
        ("category", category_ids, {data.category.pk} if data.category else set()),
        ("price_incl_tax", stockrecord.price_incl_tax, data.price_incl_tax),
        ("vat_rate", stockrecord.vat_rate, data.vat_rate),
        ("stock", stockrecord.num_in_stock, data.stock),
    ]
    if data.size_label is not None:
        compared.append(("size_label", product.size_label, data.size_label.strip()))
    if data.is_active is not None:
        compared.append(("is_active", product.is_public, data.is_active))
    return [name for name, current, wanted in compared if current != wanted]


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
        price_currency=settings.OSCAR_DEFAULT_CURRENCY,
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


@transaction.atomic
def product_set_active_for_merchant(*, merchant: Merchant, product: Product, is_active: bool):
    """Show or hide an article on the site without deleting it (orders keep their lines)."""
    stockrecord_of_merchant(merchant=merchant, product=product)
    product.is_public = is_active
    product.save(update_fields=["is_public", "date_updated"])
    return product


@transaction.atomic
def product_delete_for_merchant(*, merchant: Merchant, product: Product) -> None:
    """Delete an article with its stock record, category links and photos (files included).

    Past orders keep their lines: Oscar's order lines copy the title and price.
    """
    stockrecord_of_merchant(merchant=merchant, product=product)
    product.delete()


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


PRODUCT_UPDATE_FIELDS = ["title", "slug", "description", "size_label", "is_public", "date_updated"]
STOCKRECORD_UPDATE_FIELDS = [
    "price",
    "price_incl_tax",
    "vat_rate",
    "num_in_stock",
    "date_updated",
]


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


def photo_code(*, product: Product, digest: str) -> str:
    return f"{product.pk}-{digest[:40]}"


def _checked(photo: CleanPhoto | File) -> CleanPhoto:
    """Any file not already checked by `merchants.images` is checked here, so no caller can
    store an unchecked upload by passing request.FILES straight in."""
    if isinstance(photo, CleanPhoto):
        return photo
    if isinstance(photo, CleanPhotoFile):
        return photo.photo
    return photo_clean(file=photo)


@transaction.atomic
def product_set_images(
    *,
    merchant: Merchant,
    product: Product,
    images: Sequence[ProductImage | CleanPhoto | File],
) -> list[ProductImage]:
    """Make ``images`` the article's photos, in this order (the first is the main photo).

    Items are the article's current ProductImages (kept, maybe reordered), photos checked by
    `merchants.images.photo_clean`, or files (from `PhotoField`: already checked; any other
    file is checked here, ValidationError if refused). Current photos left out are deleted,
    with their files.
    """
    stockrecord_of_merchant(merchant=merchant, product=product)
    current = {image.pk: image for image in product.images.all()}
    by_code = {image.code: image for image in current.values() if image.code}
    kept: list[ProductImage] = []
    for item in images:
        if isinstance(item, ProductImage):
            if item.pk not in current:
                raise PermissionDenied(_("Cette photo n'appartient pas à cet article."))
            kept.append(current[item.pk])
            continue
        photo = _checked(item)
        code = photo_code(product=product, digest=photo.source_digest)
        if code in by_code:
            kept.append(by_code[code])
            continue
        upload = photo.as_file()
        image = ProductImage(product=product, code=code, caption=product.title[:200])
        # Saved later with its final display order; the file is written to storage now.
        image.original.save(upload.name, upload, save=False)
        by_code[code] = image
        kept.append(image)
    kept_pks = {image.pk for image in kept if image.pk}
    for image in current.values():
        if image.pk not in kept_pks:
            # Not Oscar's ProductImage.delete(): it renumbers the others one by one.
            ProductImage.objects.filter(pk=image.pk).delete()
    return _save_display_order(kept)


def _save_display_order(images: list[ProductImage]) -> list[ProductImage]:
    seen: set[int] = set()
    ordered = []
    for image in images:
        if id(image) in seen:
            continue
        seen.add(id(image))
        ordered.append(image)
    for order, image in enumerate(ordered):
        image.display_order = order
        image.save()
    return ordered


def product_set_main_photo(
    *, merchant: Merchant, product: Product, photo: CleanPhoto | File
) -> list[ProductImage]:
    """Put ``photo`` first among the article's photos (added if new, moved if known)."""
    current = list(product.images.all())
    return product_set_images(merchant=merchant, product=product, images=[photo, *current])
