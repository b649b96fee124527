"""Product search on an engine (OpenSearch / Elasticsearch): one request per page.

modelsearch's own query API sends one request for the hits, one for the count and one per
facet, then loads the hits from the database. A shopper's page needs all of them at once,
so this module builds one `_msearch` on modelsearch's index (its field names come from
modelsearch's mapping) with two searches:
- the hits: the text query (title boosted, shop name, categories, commune, description;
  typo tolerance from 4 letters) with every filter, sorted, with the documents' own fields
  for the results, so no SQL is needed;
- the facets (no hits): the count, and one aggregation per facet filtered by the *other*
  facets' filters (so a facet lists what choosing another of its values would give).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from search.database_text import PREFIX_MIN_LENGTH
from search.documents import facet_split
from search.facets import engine_facets
from search.models import SearchableMerchant, SearchableProduct
from search.query import (
    AUTOCOMPLETE_SIZE,
    FUZZINESS,
    PAGE_SIZE,
    PRICE_RANGES,
    MerchantSummary,
    ProductHit,
    ProductQuery,
    SearchPage,
    Suggestion,
)
from search.synonyms import query_parts

TERMS_FACETS = {  # facet -> (filter column, label column, size)
    "category": ("category_slugs", "category_facet", 100),
    "commune": ("commune_code", "commune_facet", 100),
    "intercommunality": ("intercommunality_code", "intercommunality_facet", 30),
    "merchant": ("merchant_slug", "merchant_facet", 100),
    "mode": ("modes", "modes", 5),
}
# What a result shows, read from the document: name in ProductHit -> (field kind, field).
SOURCE_FIELDS = {
    "title": ("SearchField", "title"),
    "slug": ("FilterField", "slug"),
    "price": ("FilterField", "price_incl_tax"),
    "currency": ("FilterField", "price_currency"),
    "image": ("FilterField", "image_name"),
    "merchant": ("FilterField", "merchant_facet"),
    "commune": ("FilterField", "commune_facet"),
    "modes": ("FilterField", "modes"),
}


@lru_cache(maxsize=8)
def _columns(mapping_class) -> dict[tuple[str, str], str]:
    """(kind, field name) -> document column, as modelsearch's mapping names them."""
    mapping = mapping_class(SearchableProduct)
    return {
        (type(f).__name__, f.field_name): mapping.get_field_column_name(f)
        for f in SearchableProduct.get_search_fields()
    }


def _filter_col(backend, name: str) -> str:
    return _columns(backend.mapping_class)[("FilterField", name)]


def _search_col(backend, name: str) -> str:
    return _columns(backend.mapping_class)[("SearchField", name)]


def text_query(backend, text: str) -> dict:
    """Every word must match (a staff synonym by any of its phrases); see `_words_query`."""
    if not text:
        return {"match_all": {}}
    fields = [
        f"{_search_col(backend, 'title')}^3",
        f"{_search_col(backend, 'merchant_name')}^2",
        _search_col(backend, "category_names"),
        _search_col(backend, "commune_name"),
        _search_col(backend, "description"),
    ]
    parts = query_parts(text)
    plain = " ".join(part.alternatives[0][0] for part in parts if not part.synonym)
    clauses = [_words_query(fields, plain or text)] if plain or not parts else []
    for part in parts:
        if part.synonym:
            phrases = [
                {"multi_match": _exact(fields, " ".join(phrase))} for phrase in part.alternatives
            ]
            clauses.append({"bool": {"should": phrases, "minimum_should_match": 1}})
    return clauses[0] if len(clauses) == 1 else {"bool": {"must": clauses}}


def _exact(fields: list[str], text: str) -> dict:
    return {"query": text, "fields": fields, "type": "cross_fields", "operator": "and"}


def _words_query(fields: list[str], text: str) -> dict:
    """The words as analysed (French), or one typo away, or the last one as a prefix.

    `bool_prefix` matches the last word's stem as the beginning of an indexed one, so a
    shopper still typing "calva" finds "Calvados" (from its 3rd letter, as on the database);
    it scores below the other two.
    """
    fuzzy = {
        "query": text,
        "fields": fields,
        "operator": "and",
        "fuzziness": FUZZINESS,
        "prefix_length": 1,
        "boost": 0.5,
    }
    prefix = {
        "query": text,
        "fields": fields,
        "type": "bool_prefix",
        "operator": "and",
        "boost": 0.3,
    }
    should = [{"multi_match": _exact(fields, text)}, {"multi_match": fuzzy}]
    last = text.split()[-1] if text.split() else ""
    if len(last) >= PREFIX_MIN_LENGTH:
        should.append({"multi_match": prefix})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def facet_filters(backend, query: ProductQuery) -> dict[str, dict]:
    """One engine filter per facet the query restricts (facet name -> clause)."""
    filters: dict[str, dict] = {}
    for facet, values in (
        ("category", query.categories),
        ("commune", query.communes),
        ("intercommunality", query.intercommunalities),
        ("merchant", query.merchants),
        ("mode", query.modes),
    ):
        if values:
            filters[facet] = {"terms": {_filter_col(backend, TERMS_FACETS[facet][0]): list(values)}}
    if query.min_price is not None or query.max_price is not None:
        bounds = {}
        if query.min_price is not None:
            bounds["gte"] = float(query.min_price)
        if query.max_price is not None:
            bounds["lte"] = float(query.max_price)
        filters["price"] = {"range": {_filter_col(backend, "price_incl_tax"): bounds}}
    if query.in_stock is not None:
        filters["in_stock"] = {"term": {_filter_col(backend, "in_stock"): query.in_stock}}
    if query.delivers_to:
        column = _filter_col(backend, "delivery_commune_codes")
        filters["delivers_to"] = {"term": {column: query.delivers_to}}
    return filters


def _price_range_clause(backend, low: Decimal | None, high: Decimal | None) -> dict:
    bounds = {}
    if low is not None:
        bounds["gte"] = float(low)
    if high is not None:
        bounds["lte"] = float(high)
    return {"range": {_filter_col(backend, "price_incl_tax"): bounds}}


def _facet_aggregation(backend, facet: str) -> dict:
    if facet == "price":
        ranges = {key: _price_range_clause(backend, low, high) for key, low, high in PRICE_RANGES}
        return {"filters": {"filters": ranges}}
    if facet == "in_stock":
        return {"terms": {"field": _filter_col(backend, "in_stock"), "size": 2}}
    _, label_column, size = TERMS_FACETS[facet]
    return {"terms": {"field": _filter_col(backend, label_column), "size": size}}


def _sort(backend, query: ProductQuery) -> list:
    created = {_filter_col(backend, "date_created"): {"order": "desc"}}
    price = _filter_col(backend, "price_incl_tax")
    if query.sort == "price":
        return [{price: {"order": "asc", "missing": "_last"}}, "_score"]
    if query.sort == "-price":
        return [{price: {"order": "desc", "missing": "_last"}}, "_score"]
    if query.sort == "newest" or not query.text:
        # Without text every score is equal: sorting on the date alone lets the engine
        # skip documents that cannot make the page (the listing pages, 100,000 products).
        return [created] if not query.text else [created, "_score"]
    return ["_score", created]


def search_bodies(backend, query: ProductQuery) -> tuple[dict, dict]:
    """(hits, facets): the two searches of a page, sent together in one `_msearch`.

    Split because the engine runs them on its two cores at once, and because the facets
    search, with no hits (size 0), is what the engine's shard request cache keeps until
    the index next changes: listing, category and commune pages, the most frequent, then
    cost only their page of hits. The count comes from the facets search ("matching",
    every filter applied), so the hits search need not count (it may stop early).
    """
    filters = facet_filters(backend, query)
    text = text_query(backend, query.text)
    hits = {
        "query": {"bool": {"must": [text], "filter": list(filters.values())}},
        "sort": _sort(backend, query),
        "from": query.offset,
        "size": PAGE_SIZE,
        "_source": [_columns(backend.mapping_class)[key] for key in SOURCE_FIELDS.values()],
        "track_total_hits": False,
    }
    aggregations = {"matching": {"filter": {"bool": {"filter": list(filters.values())}}}}
    for facet in (*TERMS_FACETS, "price", "in_stock"):
        others = [clause for name, clause in filters.items() if name != facet]
        aggregations[facet] = {
            "filter": {"bool": {"filter": others}},
            "aggs": {"values": _facet_aggregation(backend, facet)},
        }
    facets = {"query": text, "size": 0, "aggs": aggregations, "track_total_hits": False}
    return hits, facets


def _hit(document: dict, doc_id: str, columns: dict) -> ProductHit:
    source = {name: document.get(columns[key]) for name, key in SOURCE_FIELDS.items()}
    merchant_slug, merchant_name = facet_split(source["merchant"] or "")
    _, commune_name = facet_split(source["commune"] or "")
    price = source["price"]
    return ProductHit(
        id=int(doc_id),
        title=source["title"] or "",
        slug=source["slug"] or "",
        # Stored as a double: two decimals bring back the exact cents.
        price=None if price is None else Decimal(str(price)).quantize(Decimal("0.01")),
        currency=source["currency"] or "EUR",
        image_name=source["image"] or "",
        merchant=MerchantSummary(slug=merchant_slug, name=merchant_name, commune=commune_name),
        modes=tuple(source["modes"] or ()),
    )


def parse_responses(backend, hits: dict, facets: dict, query: ProductQuery) -> SearchPage:
    columns = _columns(backend.mapping_class)
    aggregations = facets["aggregations"]
    return SearchPage(
        query=query,
        count=aggregations["matching"]["doc_count"],
        hits=[_hit(hit["_source"], hit["_id"], columns) for hit in hits["hits"]["hits"]],
        facets=engine_facets(aggregations, query),
        backend=type(backend).__name__,
    )


def engine_search(backend, query: ProductQuery, *, timeout: float) -> SearchPage:
    index = backend.get_index_for_model(SearchableProduct).name
    hits, facets = search_bodies(backend, query)
    searches = [{"index": index}, hits, {"index": index}, facets]
    hits_response, facets_response = _msearch(backend, searches, timeout=timeout)
    return parse_responses(backend, hits_response, facets_response, query)


def _with_timeout(backend, timeout: float):
    """elasticsearch-py's client with this timeout, made once per backend and timeout.

    `options()` builds a client copy and its dozens of namespace clients: about 2 ms, a
    third of the API's own time on Elasticsearch when done per request. The copy shares
    the connection pool, so keeping it is safe across threads.
    """
    clients = backend.__dict__.setdefault("_clients_by_timeout", {})
    if timeout not in clients:
        clients[timeout] = backend.es.options(request_timeout=timeout)
    return clients[timeout]


class EngineSearchError(Exception):
    """One search of an `_msearch` failed (the request itself answered 200)."""


def _msearch(backend, searches: list[dict], *, timeout: float) -> list[dict]:
    client = backend.es
    if hasattr(client, "options"):  # elasticsearch-py 8/9: no body=, per-call options
        response = _with_timeout(backend, timeout).msearch(searches=searches)
    else:
        response = client.msearch(body=searches, request_timeout=timeout)
    responses = response["responses"]
    for item in responses:
        if "error" in item:
            raise EngineSearchError(item["error"])
    return responses


def engine_autocomplete(backend, text: str, *, timeout: float) -> list[Suggestion]:
    """Products by title and shops by name, whose words start with what was typed."""
    product_index = backend.get_index_for_model(SearchableProduct).name
    shop_index = backend.get_index_for_model(SearchableMerchant).name

    def prefix_query(column: str, source: list[str]) -> dict:
        match = {column: {"query": text, "operator": "and"}}
        return {"query": {"match": match}, "size": AUTOCOMPLETE_SIZE, "_source": source}

    searches = [
        {"index": shop_index},
        prefix_query("name_edgengrams", ["name", "slug_filter"]),
        {"index": product_index},
        prefix_query("title_edgengrams", ["title", "slug_filter"]),
    ]
    shops, products = (r["hits"]["hits"] for r in _msearch(backend, searches, timeout=timeout))
    suggestions = [
        Suggestion(kind="shop", label=h["_source"]["name"], slug=h["_source"]["slug_filter"])
        for h in shops[:3]
    ]
    suggestions += [
        Suggestion(
            kind="product",
            label=h["_source"]["title"],
            slug=h["_source"]["slug_filter"],
            id=int(h["_id"]),
        )
        for h in products
    ]
    return suggestions[:AUTOCOMPLETE_SIZE]
