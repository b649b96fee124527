"""Facet counts of the database backend: a few grouped queries over the matching products.

Commune, intercommunality, shop and mode are properties of the shop, price and stock of
the product's one stock record: a single GROUP BY shop over the matching products, with a
conditional count per price bucket and for free stock, answers all of them (the shop's
names and flags are grouped with it). Categories are one GROUP BY per
depth of the tree (a product counts once under each ancestor, as the engines' documents
list the whole chain). Like the engines, a facet is counted with every filter but its own,
so a chosen filter adds its own grouped query; the number of queries never grows with the
number of results.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.partner.stock import free_stock_q
from search.documents import facet_value
from search.facets import in_stock_facet, labelled_facet, price_facet
from search.query import PRICE_RANGES, FacetValue, ProductQuery

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
MERCHANT = "stockrecords__partner__merchant"
PRICE = "stockrecords__price_incl_tax"
# Counted from the per-shop query; each is skipped by (counted without) its own filter.
SHOP_LEVEL = ("commune", "intercommunality", "merchant", "mode", "price", "in_stock")
MODE_FLAGS = {
    FulfilmentMode.DELIVERY.value: "offers_delivery",
    FulfilmentMode.CLICK_COLLECT.value: "offers_click_collect",
}

# The products matching the query with every filter but the one named ("": all of them).
ProductSet = Callable[[str], QuerySet]


def price_q(low, high) -> Q:
    q = Q()
    if low is not None:
        q &= Q(**{f"{PRICE}__gte": low})
    if high is not None:
        q &= Q(**{f"{PRICE}__lte": high})
    return q


def database_facets(
    *, product_set: ProductSet, active: set[str], query: ProductQuery
) -> tuple[dict[str, list[FacetValue]], int]:
    """(facets, number of matching products) in 3 queries, one more per chosen filter."""
    groups: dict[str, list[str]] = {"": []}
    for facet in SHOP_LEVEL:
        groups.setdefault(facet if facet in active else "", []).append(facet)
    per_group = {skip: _per_shop(product_set(skip)) for skip in groups}
    facets: dict[str, list[FacetValue]] = {}
    for skip, names in groups.items():
        for name in names:
            facets[name] = _shop_level_facet(name, per_group[skip], query)
    skip = "category" if "category" in active else ""
    categories = _category_counts(product_set(skip))
    facets["category"] = labelled_facet("category", categories, query)
    total = sum(shop["n"] for shop in per_group[""])
    return facets, total


# Grouped by with the shop (names that are not the product's own fields, such as slug).
SHOP_FIELDS = {
    "shop_slug": "slug",
    "shop_name": "name",
    "commune_code": "commune__insee_code",
    "commune_name": "commune__name",
    "epci_code": "commune__intercommunality__code",
    "epci_name": "commune__intercommunality__name",
    **{flag: flag for flag in MODE_FLAGS.values()},
}


def _per_shop(products: QuerySet) -> list[dict]:
    """Per shop (its names and flags): its matching products in all ("n"), per price
    bucket and with free stock."""
    # The conditions on the stock record are counts' filters, not filter(): they read the
    # stock record the grouping joined, as the engine's one document per product does.
    # Rows, not distinct products, as the counts before (a product has one stock record):
    # on PostgreSQL each DISTINCT aggregate sorts its rows again.
    buckets = {f"price_{key}": price_q(low, high) for key, low, high in PRICE_RANGES}
    counts = {name: Count("pk", filter=q) for name, q in buckets.items()}
    shop = {alias: F(f"{MERCHANT}__{field}") for alias, field in SHOP_FIELDS.items()}
    return list(
        products.order_by()
        .values(**shop)
        .annotate(
            n=Count("pk", distinct=True),
            in_stock=Count("pk", filter=free_stock_q(prefix="stockrecords__")),
            **counts,
        )
    )


def _shop_level_facet(name: str, shops: list[dict], query: ProductQuery) -> list[FacetValue]:
    if name == "price":
        keys = [key for key, _low, _high in PRICE_RANGES]
        return price_facet({k: sum(shop[f"price_{k}"] for shop in shops) for k in keys}, query)
    if name == "in_stock":
        return in_stock_facet(sum(shop["in_stock"] for shop in shops), query)
    if name == "mode":
        counts = [
            (mode, sum(shop["n"] for shop in shops if shop[flag]))
            for mode, flag in MODE_FLAGS.items()
        ]
        return labelled_facet("mode", counts, query)
    key, label = {
        "commune": ("commune_code", "commune_name"),
        "intercommunality": ("epci_code", "epci_name"),
        "merchant": ("shop_slug", "shop_name"),
    }[name]
    totals: dict[str, int] = {}
    for shop in shops:
        if shop[key]:  # a commune outside any intercommunality has no value there
            value = facet_value(shop[key], shop[label])
            totals[value] = totals.get(value, 0) + shop["n"]
    return labelled_facet(name, totals.items(), query)


def _category_counts(products: QuerySet) -> list[tuple[str, int]]:
    """Products per category, each counted under its categories and all their ancestors."""
    step = Category.steplen
    by_path = {path: (slug, name) for path, slug, name in _categories()}
    depths = sorted({len(path) // step for path in by_path})
    links = ProductCategory.objects.filter(product__in=products.order_by().values("pk"))
    per_depth = [
        links.filter(category__depth__gte=depth)
        .annotate(prefix=Substr("category__path", 1, depth * step))
        .values("prefix")
        .annotate(n=Count("product_id", distinct=True))
        .values_list("prefix", "n")
        .order_by()
        for depth in depths
    ]
    if not per_depth:
        return []
    rows = per_depth[0].union(*per_depth[1:], all=True) if len(per_depth) > 1 else per_depth[0]
    return [(facet_value(*by_path[prefix]), n) for prefix, n in rows if prefix in by_path]


def _categories() -> list[tuple[str, str, str]]:
    # Not cached: a category renamed in another process shows in the next facet.
    return list(Category.objects.values_list("path", "slug", "name"))
