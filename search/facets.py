"""Facet values from counts, the same way for the engine and the database."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from commerce.order.fulfilment import FulfilmentMode
from search.documents import facet_split
from search.query import PRICE_RANGES, FacetValue, ProductQuery

SELECTED = {
    "category": "categories",
    "commune": "communes",
    "intercommunality": "intercommunalities",
    "merchant": "merchants",
    "mode": "modes",
}


def price_range_label(key: str) -> str:
    low, _sep, high = key.partition("-")
    if not low or low == "0":
        return _("Moins de %(high)s €") % {"high": high}
    if not high:
        return _("%(low)s € et plus") % {"low": low}
    return _("De %(low)s à %(high)s €") % {"low": low, "high": high}


def price_range_selected(key: str, query: ProductQuery) -> bool:
    for range_key, low, high in PRICE_RANGES:
        if range_key == key:
            return (low, high) == (query.min_price, query.max_price)
    return False


def labelled_facet(
    facet: str, counts: Iterable[tuple[str, int]], query: ProductQuery
) -> list[FacetValue]:
    """`counts` holds (value, count) where value is "key|label" (or a mode code)."""
    selected = set(getattr(query, SELECTED[facet]))
    values = []
    for raw, count in counts:
        key, label = facet_split(raw)
        if facet == "mode":
            label = str(dict(FulfilmentMode.choices).get(key, key))
        if count or key in selected:
            values.append(FacetValue(value=key, label=label, count=count, selected=key in selected))
    return sorted(values, key=lambda v: (-v.count, v.label))


def price_facet(counts: dict[str, int], query: ProductQuery) -> list[FacetValue]:
    return [
        FacetValue(
            value=key,
            label=price_range_label(key),
            count=counts.get(key, 0),
            selected=price_range_selected(key, query),
        )
        for key, _low, _high in PRICE_RANGES
    ]


def in_stock_facet(in_stock: int, query: ProductQuery) -> list[FacetValue]:
    return [
        FacetValue(
            value="true",
            label=_("En stock"),
            count=in_stock,
            selected=query.in_stock is True,
        )
    ]


def engine_facets(aggregations: dict, query: ProductQuery) -> dict[str, list[FacetValue]]:
    facets = {}
    for facet in SELECTED:
        buckets = aggregations[facet]["values"]["buckets"]
        facets[facet] = labelled_facet(facet, ((b["key"], b["doc_count"]) for b in buckets), query)
    price_buckets = aggregations["price"]["values"]["buckets"]
    facets["price"] = price_facet({k: b["doc_count"] for k, b in price_buckets.items()}, query)
    stock = {
        b.get("key_as_string", str(b["key"])).lower(): b["doc_count"]
        for b in aggregations["in_stock"]["values"]["buckets"]
    }
    facets["in_stock"] = in_stock_facet(stock.get("true", stock.get("1", 0)), query)
    return facets
