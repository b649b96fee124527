"""Facet counts of the database backend: a few grouped queries over the matching products.

Every pass reads the narrow rows of search.models.SearchProductRow (one per indexed product:
its partner, commune, modes, price, stock, first category), never products joined to stock
records and shops. Commune, intercommunality, shop and mode are properties of the shop:
a single GROUP BY partner over the matching rows, with a conditional count per price bucket
and for free stock, answers all of them (the shops' names
and flags are read after, in one query). While each product is in one category at most, the
same GROUP BY also groups by category, added up the tree after (a product counts once under
each ancestor, as the engines' documents list the whole chain); once some product is in two
categories, one GROUP BY per depth of the tree. Like the engines, a facet is counted with
every filter but its own, so a chosen filter adds its own grouped query; the number of
queries never grows with the number of results.

The counts of a query are kept in the cache (`cached_facets`) under the database index's
version (search.index_version), which every indexed change bumps: the listing everybody
opens is counted once per change, and pages 2, 3… and other sorts reuse the first's.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import get_language
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from merchants.models import Merchant
from search.database_rows import price_cents
from search.documents import facet_value
from search.facets import in_stock_facet, labelled_facet, price_facet
from search.index_version import versioned_key
from search.query import PRICE_RANGES, SORT_RELEVANCE, FacetValue, ProductQuery

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
PRICE = "price_cents"
# Counted from the per-shop query; each is skipped by (counted without) its own filter.
SHOP_LEVEL = ("commune", "intercommunality", "merchant", "mode", "price", "in_stock")
MODE_FLAGS = {
    FulfilmentMode.DELIVERY.value: "offers_delivery",
    FulfilmentMode.CLICK_COLLECT.value: "offers_click_collect",
}

# The products matching the query with every filter but the one named ("": all of them).
ProductSet = Callable[[str], QuerySet]
Facets = tuple[dict[str, list[FacetValue]], int]
# Bounds what no indexed change reports (and, without a shared cache, what another
# process indexed: each then has its own version).
FACETS_CACHE_SECONDS = 300


def price_q(low, high) -> Q:
    """Rows priced from ``low`` to ``high`` (euros, both included), compared in cents."""
    q = Q()
    if low is not None:
        q &= Q(**{f"{PRICE}__gte": price_cents(low, rounding=ROUND_CEILING)})
    if high is not None:
        q &= Q(**{f"{PRICE}__lte": price_cents(high, rounding=ROUND_FLOOR)})
    return q


def cached_facets(*, query: ProductQuery, compute: Callable[[], Facets]) -> Facets:
    """The facets and count of ``query`` from the cache, else ``compute``d and kept.

    The key holds the index version (read before computing: counts read while a change
    commits are kept under the version it makes stale), the language (labels are
    translated) and the query but its page and sort, which change no count.
    """
    counted = dataclasses.replace(query, page=1, sort=SORT_RELEVANCE)
    key = versioned_key("facets", get_language(), counted)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, FACETS_CACHE_SECONDS)
    return found


def database_facets(*, product_set: ProductSet, active: set[str], query: ProductQuery) -> Facets:
    """(facets, number of matching products) in 3 or 4 queries, one more per chosen filter."""
    groups: dict[str, list[str]] = {"": []}
    for facet in SHOP_LEVEL:
        groups.setdefault(facet if facet in active else "", []).append(facet)
    category_skip = "category" if "category" in active else ""
    if products_in_several_categories():
        per_group = {skip: _per_partner(product_set(skip)) for skip in groups}
        categories = _category_counts(product_set(category_skip))
    else:
        # Each product in one category at most: grouped by partner and category at once,
        # one pass answers the shop-level facets and the categories (a product is one row).
        groups.setdefault(category_skip, [])
        rows = {skip: _per_partner(product_set(skip), by_category=True) for skip in groups}
        categories = _rolled_up(
            [(row["category"], row["n"]) for row in rows[category_skip] if row["category"]]
        )
        per_group = {skip: _per_partner_totals(group_rows) for skip, group_rows in rows.items()}
    per_group = _with_shops(per_group)
    facets: dict[str, list[FacetValue]] = {}
    for skip, names in groups.items():
        for name in names:
            facets[name] = _shop_level_facet(name, per_group[skip], query)
    facets["category"] = labelled_facet("category", categories, query)
    total = sum(shop["n"] for shop in per_group[""])
    return facets, total


# Read per shop after the grouping by partner (names that are not the product's own
# fields, such as slug).
SHOP_FIELDS = {
    "shop_slug": "slug",
    "shop_name": "name",
    "commune_code": "commune__insee_code",
    "commune_name": "commune__name",
    "epci_code": "commune__intercommunality__code",
    "epci_name": "commune__intercommunality__name",
    **{flag: flag for flag in MODE_FLAGS.values()},
}


def _per_partner(products: QuerySet, *, by_category: bool = False) -> list[dict]:
    """Per shop's partner (and category, or None): its matching products in all ("n"), per
    price bucket and with free stock."""
    # Rows, not distinct products (one row per product): a DISTINCT aggregate made
    # PostgreSQL sort the 100,000 rows of the listing (on disk) instead of hashing them
    # into the groups.
    buckets = {f"price_{key}": price_q(low, high) for key, low, high in PRICE_RANGES}
    counts = {name: Count("pk", filter=q) for name, q in buckets.items()}
    # Grouped by the partner id alone, the shops' names and flags read after (_with_shops):
    # grouping 100,000 rows by nine text columns of four joined tables took 2 to 3 times as
    # long.
    keys = {"partner": F("partner_id")}
    # The row's first category: the only one while no product is in two (else this pass
    # does not group by category, see _category_counts).
    fields = {"category": F("category_id")} if by_category else {}
    return list(
        products.order_by()
        .values(**keys, **fields)
        .annotate(n=Count("pk"), in_stock=Count("pk", filter=Q(in_stock=True)), **counts)
    )


def _per_partner_totals(rows: list[dict]) -> list[dict]:
    """The rows per partner and category added up per partner."""
    totals: dict[int, dict] = {}
    for row in rows:
        total = totals.setdefault(row["partner"], {"partner": row["partner"]})
        for name, value in row.items():
            if name not in ("partner", "category"):
                total[name] = total.get(name, 0) + value
    return list(totals.values())


def _with_shops(per_group: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Each group's rows with their shop's names and flags, read in one query."""
    partners = {row["partner"] for rows in per_group.values() for row in rows}
    # values() refuses an alias named as a field of the model (the mode flags): those as is.
    same = [field for alias, field in SHOP_FIELDS.items() if alias == field]
    renamed = {alias: F(field) for alias, field in SHOP_FIELDS.items() if alias != field}
    merchants = Merchant.objects.filter(partner_id__in=partners).order_by()
    rows = merchants.values("partner_id", *same, **renamed)
    shops = {shop.pop("partner_id"): shop for shop in rows}
    return {
        skip: [{**row, **shops[row["partner"]]} for row in rows if row["partner"] in shops]
        for skip, rows in per_group.items()
    }


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
    """Products per category, each counted once under its categories and all their
    ancestors, when some product is in two categories (else see _rolled_up)."""
    links = ProductCategory.objects.filter(product_id__in=products.order_by().values("pk"))
    by_path = {path: (slug, name) for _pk, path, slug, name in _categories()}
    rows = _category_counts_per_depth(links, by_path, Category.steplen)
    return [(facet_value(*by_path[prefix]), n) for prefix, n in rows if prefix in by_path]


def _rolled_up(per_category: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Counts per category added up the chain of its ancestors (each product in one
    category: the grouping per depth read the products once per depth)."""
    step = Category.steplen
    categories = _categories()
    by_path = {path: (slug, name) for _pk, path, slug, name in categories}
    paths = {pk: path for pk, path, _slug, _name in categories}
    totals: dict[str, int] = defaultdict(int)
    for category_id, n in per_category:
        path = paths.get(category_id, "")
        for depth in range(1, len(path) // step + 1):
            totals[path[: depth * step]] += n
    return [(facet_value(*by_path[prefix]), n) for prefix, n in totals.items() if prefix in by_path]


def _category_counts_per_depth(links: QuerySet, by_path: dict, step: int) -> list:
    # A product under two categories of one parent counts once under it: distinct products
    # per prefix of the path, one GROUP BY per depth of the tree.
    depths = sorted({len(path) // step for path in by_path})
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
    return list(
        per_depth[0].union(*per_depth[1:], all=True) if len(per_depth) > 1 else per_depth[0]
    )


SEVERAL_CATEGORIES_KEY = "product_search:several-categories"


def products_in_several_categories() -> bool:
    """Whether some product of the catalogue is in two categories.

    Kept in the cache until a category link changes (`category_links_changed`, from
    search.signals), not per index version: the check reads every link (90 ms on 100,000
    products) and would be paid after each stock change. Without a shared cache, another
    process's link shows within FACETS_CACHE_SECONDS.
    """
    found = cache.get(SEVERAL_CATEGORIES_KEY)
    if found is None:
        several = ProductCategory.objects.values("product_id").annotate(n=Count("pk"))
        found = several.filter(n__gt=1).order_by().exists()
        cache.set(SEVERAL_CATEGORIES_KEY, found, FACETS_CACHE_SECONDS)
    return found


def category_links_changed() -> None:
    """A product was put in or out of a category: check again, now and after commit."""
    cache.delete(SEVERAL_CATEGORIES_KEY)
    transaction.on_commit(lambda: cache.delete(SEVERAL_CATEGORIES_KEY))


def _categories() -> list[tuple[int, str, str, str]]:
    # Not cached: a category renamed in another process shows in the next facet.
    return list(Category.objects.values_list("pk", "path", "slug", "name"))
