"""Loading products for indexing in bulk, from rows rather than model instances.

The model methods of SearchableProduct say what a document holds; building eight model
instances per product (product, stock record, partner, merchant, commune, …) to call them
costs more than everything else in indexing. Here the same values come from a handful of
flat queries per chunk, and each product gets them attached; a test checks the documents
are identical to the ones the methods give.
"""

from __future__ import annotations

from collections import defaultdict

from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.partner.stock import free_stock_from_values
from merchants.models import Merchant
from search.documents import category_chains, facet_value
from search.models import SearchableProduct

ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
M = "stockrecords__partner__merchant__"
ROW_FIELDS = (
    "pk", "title", "slug", "description", "date_created",
    "stockrecords__price_incl_tax", "stockrecords__price_currency",
    "stockrecords__num_in_stock", "stockrecords__num_allocated",
    f"{M}id", f"{M}name", f"{M}slug", f"{M}offers_delivery", f"{M}offers_click_collect",
    f"{M}commune__insee_code", f"{M}commune__name",
    f"{M}commune__intercommunality__code", f"{M}commune__intercommunality__name",
)  # fmt: skip


def products_for_index(ids) -> list[SearchableProduct]:
    """The indexable products among ``ids``, each carrying its document's values."""
    rows = (
        SearchableProduct.objects.filter(
            pk__in=list(ids), is_public=True, stockrecords__partner__merchant__is_active=True
        )
        .order_by("pk", "stockrecords__pk")
        .values_list(*ROW_FIELDS)
    )
    first_rows: dict[int, tuple] = {}
    for row in rows:
        first_rows.setdefault(row[0], row)  # the first stock record, as _stockrecord()
    if not first_rows:
        return []
    categories = _categories(first_rows)
    images = _images(first_rows)
    delivery = _delivery_codes({row[9] for row in first_rows.values()})
    products = []
    for pk, row in first_rows.items():
        product = SearchableProduct(
            pk=pk, title=row[1], slug=row[2], description=row[3], date_created=row[4]
        )
        product._search_values = _values(row, categories[pk], images.get(pk, ""), delivery)
        products.append(product)
    return products


def _values(row, chain: list[tuple[str, str]], image: str, delivery: dict) -> dict:
    (pk, title, slug, description, created, price, currency, stock, allocated,
     merchant_id, name, merchant_slug, delivers, collects,
     insee, commune, epci_code, epci_name) = row  # fmt: skip
    modes = [
        m
        for m, on in (
            (FulfilmentMode.DELIVERY.value, delivers),
            (FulfilmentMode.CLICK_COLLECT.value, collects),
        )
        if on
    ]
    return {
        "title": title,
        "description": description,
        "slug": slug,
        "date_created": created,
        "merchant_name": name,
        "commune_name": commune,
        "category_names": [n for _, n in chain],
        "merchant_slug": merchant_slug,
        "commune_code": insee,
        "intercommunality_code": epci_code or "",
        "category_slugs": [s for s, _ in chain],
        "modes": modes,
        "delivery_commune_codes": delivery.get(merchant_id, []) if delivers else [],
        "price_incl_tax": price,
        "price_currency": currency,
        "in_stock": free_stock_from_values(num_in_stock=stock, num_allocated=allocated) > 0,
        "commune_facet": facet_value(insee, commune),
        "intercommunality_facet": facet_value(epci_code, epci_name) if epci_code else "",
        "merchant_facet": facet_value(merchant_slug, name),
        "category_facet": [facet_value(s, n) for s, n in chain],
        "image_name": image,
    }


def _categories(rows: dict) -> dict[int, list[tuple[str, str]]]:
    chains: dict[int, dict[str, str]] = defaultdict(dict)
    links = ProductCategory.objects.filter(product_id__in=list(rows)).order_by("pk")
    pairs = list(links.values_list("product_id", "category__path"))
    by_path = category_chains(path for _, path in pairs)
    for product_id, path in pairs:
        for slug, name in by_path[path]:
            chains[product_id].setdefault(slug, name)
    return {pk: list(chains[pk].items()) for pk in rows}


def _images(rows: dict) -> dict[int, str]:
    images: dict[int, str] = {}
    found = ProductImage.objects.filter(product_id__in=list(rows)).order_by("display_order", "pk")
    for product_id, name in found.values_list("product_id", "original"):
        images.setdefault(product_id, name)
    return images


def _delivery_codes(merchant_ids: set[int]) -> dict[int, list[str]]:
    codes: dict[int, set[str]] = defaultdict(set)
    direct = Merchant.delivery_communes.through.objects.filter(merchant_id__in=merchant_ids)
    for merchant_id, code in direct.values_list("merchant_id", "commune__insee_code"):
        codes[merchant_id].add(code)
    epcis = Merchant.delivery_intercommunalities.through.objects.filter(
        merchant_id__in=merchant_ids
    ).values_list("merchant_id", "intercommunality__communes__insee_code")
    for merchant_id, code in epcis:
        if code:
            codes[merchant_id].add(code)
    return {merchant_id: sorted(found) for merchant_id, found in codes.items()}


def objects_for_index(model, ids) -> list:
    """The indexable objects of ``model`` among ``ids``, ready for a backend's add_items."""
    if model is SearchableProduct:
        return products_for_index(ids)
    return list(model.get_indexed_objects().filter(pk__in=list(ids)))
