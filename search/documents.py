"""What a product's search document says, computed from rows loaded in bulk.

The proxy models in search.models expose these values to modelsearch's mapping. Every
value reads prefetched relations only (see `product_index_queryset`), so indexing a chunk
of 1,000 products costs a fixed handful of queries.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch
from oscar.core.loading import get_model

from merchants.models import Commune, Intercommunality

Category = get_model("catalogue", "Category")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

# Facet values carry their label, so facets are answered by the engine alone (no SQL).
FACET_SEPARATOR = "|"


def facet_value(key: str, label: str) -> str:
    return f"{key}{FACET_SEPARATOR}{label}"


def facet_split(value: str) -> tuple[str, str]:
    key, _, label = value.partition(FACET_SEPARATOR)
    return key, label or key


def category_chains(paths: Iterable[str]) -> dict[str, tuple[tuple[str, str], ...]]:
    """(slug, name) of each category and its ancestors, root first, keyed by path.

    Treebeard paths hold the ancestors' paths as prefixes, so one query answers a whole
    chunk. Not cached across calls: a category renamed in another process must show in
    the next document built here.
    """
    step = Category.steplen
    wanted = set(paths)
    prefixes = {path[:end] for path in wanted for end in range(step, len(path) + 1, step)}
    by_path = {
        c.path: (c.slug, c.name)
        for c in Category.objects.filter(path__in=prefixes).only("path", "slug", "name")
    }
    return {
        path: tuple(
            by_path[path[:end]] for end in range(step, len(path) + 1, step) if path[:end] in by_path
        )
        for path in wanted
    }


PRODUCT_FIELDS = ("id", "title", "slug", "description", "date_created", "is_public", "structure")
STOCKRECORD_FIELDS = (
    "id",
    "product_id",
    "price_incl_tax",
    "price_currency",
    "num_in_stock",
    "num_allocated",
    "partner__id",
    "partner__merchant__id",
    "partner__merchant__partner_id",
    "partner__merchant__name",
    "partner__merchant__slug",
    "partner__merchant__offers_delivery",
    "partner__merchant__offers_click_collect",
    "partner__merchant__commune__id",
    "partner__merchant__commune__insee_code",
    "partner__merchant__commune__name",
    "partner__merchant__commune__intercommunality__id",
    "partner__merchant__commune__intercommunality__code",
    "partner__merchant__commune__intercommunality__name",
)


def product_index_queryset(model):
    """Indexed products: public ones with a stock record of an active merchant.

    Everything a document reads is fetched with it: stock record → partner → merchant →
    commune → intercommunality, the merchant's delivery communes, categories and images.
    Prefetches go to plain lists (`to_attr`): a related manager per object costs more than
    building the document (measured in bench/search_bench.py).
    """
    only_code = Commune.objects.only("id", "insee_code", "intercommunality_id")
    epcis = Intercommunality.objects.prefetch_related(
        Prefetch("communes", queryset=only_code, to_attr="search_communes")
    )
    stockrecords = (
        StockRecord.objects.select_related("partner__merchant__commune__intercommunality")
        # Only what documents read: building model instances is most of the indexing time.
        .only(*STOCKRECORD_FIELDS)
    ).prefetch_related(
        Prefetch(
            "partner__merchant__delivery_communes",
            queryset=only_code,
            to_attr="search_delivery_communes",
        ),
        Prefetch(
            "partner__merchant__delivery_intercommunalities",
            queryset=epcis,
            to_attr="search_delivery_epcis",
        ),
    )
    return (
        model.objects.filter(is_public=True, stockrecords__partner__merchant__is_active=True)
        .only(*PRODUCT_FIELDS)
        .prefetch_related(
            Prefetch("stockrecords", queryset=stockrecords, to_attr="search_stockrecords"),
            Prefetch(
                "categories",
                queryset=Category.objects.only("id", "path"),
                to_attr="search_category_list",
            ),
            Prefetch(
                "images",
                queryset=ProductImage.objects.only("id", "product_id", "original", "display_order"),
                to_attr="search_images",
            ),
        )
        .order_by("pk")
    )
