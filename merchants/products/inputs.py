"""What a merchant may write into an article: ProductInput and its validation rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.partner.vat import VatRate

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


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
