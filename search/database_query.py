"""Product search on the database backend: the embedded default, and the engine's fallback.

Filters, sort, facets and the page are plain ORM queries; their number does not grow
with the number of results. The text match reads the French index of search.database_text
(accents, elisions, plurals, prefixes, one typo, synonyms), ranked in one SQL query
(search.database_match), the same on SQLite and PostgreSQL. Facet counts are exact, from a
few grouped queries over the matching products (search.database_facets). At most
MAX_TEXT_MATCHES text matches are considered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.db.models import F, Prefetch, Q, QuerySet
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from merchants.models import Merchant
from search.database_facets import (
    FACETS_CACHE_SECONDS,
    PRICE,
    cached_facets,
    database_facets,
    price_q,
    products_in_several_categories,
)
from search.database_match import InIds, text_matches
from search.index_version import versioned_key
from search.models import SearchableMerchant, SearchableProduct, SearchProductRow, SearchTerm
from search.query import (
    AUTOCOMPLETE_SIZE,
    PAGE_SIZE,
    SHOPS_SIZE,
    MerchantSummary,
    ProductHit,
    ProductQuery,
    SearchPage,
    ShopHit,
    Suggestion,
)

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
MAX_TEXT_MATCHES = 5000
RELEVANCE_WINDOW = 4


def _text_matches(backend, text: str) -> list[int]:
    """Product ids matching every word, best first (search.database_match, French)."""
    return text_matches(text, limit=MAX_TEXT_MATCHES)


def _uses_sqlite_fts(backend) -> bool:
    # By name: importing modelsearch's SQLite module needs the app registry ready.
    names = {cls.__name__ for cls in type(backend).__mro__}
    return connection.vendor == "sqlite" and "SQLiteSearchBackend" in names


def _sqlite_text_matches(
    text: str, *, model=None, prefix: bool = False, limit: int = 0
) -> list[int]:
    """The FTS5 index of modelsearch's SQLite backend, queried directly.

    modelsearch's SQLite query computes the score in a subquery run for every row of the
    searched queryset: 52 s for one word on 100,000 products (bench/search_bench.py). The
    same index entries, matched once and ranked by bm25 (title weighted 10), take
    milliseconds. With ``prefix``, the last word matches the beginnings of words in the
    autocomplete column (what modelsearch's autocomplete reads).
    """
    app_config = get_app_config()
    entries = app_config.get_model("IndexEntry")._meta.db_table
    fts = app_config.get_model("SQLiteFTSIndexEntry")._meta.db_table
    words = [word.replace('"', "") for word in re.findall(r"\w+", text)]
    if not words:
        return []
    terms = [f'"{word}"' for word in words]
    if prefix:
        terms[-1] += "*"
    match = " AND ".join(terms)
    if prefix:
        match = f"autocomplete : ({match})"
    # FTS5 columns: autocomplete, body, title; bm25() is lower for better matches.
    sql = (
        f"SELECT e.object_id FROM {fts} f JOIN {entries} e ON f.rowid = e.id "
        f"WHERE {fts} MATCH %s AND e.content_type_id = %s "
        f"ORDER BY bm25({fts}, 0.0, 1.0, 10.0) LIMIT %s"
    )
    content_type = get_content_type_pk(model or SearchableProduct)
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, content_type, limit or MAX_TEXT_MATCHES])
        return [int(row[0]) for row in cursor.fetchall()]


def _category_q(slugs: tuple[str, ...]) -> Q:
    """Products in these categories or their sub-categories.

    The subtrees' category ids are read first (treebeard paths are prefixes): then one
    indexed column of the rows, while no product is in two categories (the row holds the
    first), else the ids of the category links.
    """
    paths = Category.objects.filter(slug__in=slugs).values_list("path", flat=True)
    subtrees = Q(pk__in=[])
    for path in paths:
        subtrees |= Q(path__startswith=path)
    ids = list(Category.objects.filter(subtrees).values_list("pk", flat=True))
    if not products_in_several_categories():
        return Q(category_id__in=ids)
    links = ProductCategory.objects.filter(category_id__in=ids).values("product_id")
    return Q(pk__in=links)


def _filters(query: ProductQuery) -> dict[str, Q]:
    """The query's filters on the products' rows (search.models.SearchProductRow)."""
    filters: dict[str, Q] = {}
    if query.categories:
        filters["category"] = _category_q(query.categories)
    if query.communes:
        filters["commune"] = Q(commune_code__in=query.communes)
    if query.intercommunalities:
        filters["intercommunality"] = Q(intercommunality_code__in=query.intercommunalities)
    if query.merchants:
        shops = Merchant.objects.filter(slug__in=query.merchants).values("pk")
        filters["merchant"] = Q(merchant_id__in=shops)
    if query.modes:
        q = Q(pk__in=[])
        if FulfilmentMode.DELIVERY in query.modes:
            q |= Q(offers_delivery=True)
        if FulfilmentMode.CLICK_COLLECT in query.modes:
            q |= Q(offers_click_collect=True)
        filters["mode"] = q
    if query.min_price is not None or query.max_price is not None:
        filters["price"] = price_q(query.min_price, query.max_price)
    if query.in_stock is not None:
        filters["in_stock"] = Q(in_stock=query.in_stock)
    if query.delivers_to:
        filters["delivers_to"] = Q(merchant_id__in=_merchants_delivering_to(query.delivers_to))
    return filters


def _merchants_delivering_to(code: str) -> list[int]:
    """The shops delivering to a commune, listed once per search.

    Joined per product, the OR over a shop's communes and its intercommunalities' communes
    multiplied every product by both lists (43 s on 100,800 products on PostgreSQL); a few
    hundred shop ids are cheap to pass instead.
    """
    delivering = Merchant.objects.filter(offers_delivery=True).order_by()
    by_commune = delivering.filter(delivery_communes__insee_code=code).values_list("pk")
    by_epci = delivering.filter(delivery_intercommunalities__communes__insee_code=code)
    return [pk for (pk,) in by_commune.union(by_epci.values_list("pk"))]


def _products(matches: list[int] | None, filters: dict[str, Q], *, skip: str = "") -> QuerySet:
    """The rows of indexed products among ``matches`` (None: all) passing every filter but
    ``skip``; their pk is the product's id.

    A row exists only for an indexed product (public, of an active shop): one narrow table
    is filtered, where joining products, stock records and shops cost 80 to 130 ms per
    facet pass on 100,000 products.
    """
    conditions = Q()
    for name, q in filters.items():
        if name != skip:
            conditions &= q
    rows = SearchProductRow.objects.filter(conditions)
    if matches is not None:
        rows = rows.filter(InIds("pk", matches))
    return rows


def _ordered_page(
    product_set: Callable[[list[int] | None], QuerySet],
    matches,
    query: ProductQuery,
    *,
    filtered: bool,
) -> list[int]:
    """The ids of the page; ``product_set(ids)`` is the products among ``ids`` (None: all)
    that pass every filter."""
    if query.sort == "relevance" and matches is not None:
        return _relevance_page(product_set, matches, query)
    field = PRICE if query.sort in ("price", "-price") else "date_created"
    descending = query.sort != "price"
    queryset = product_set(matches)
    if matches is None and not filtered:
        # The whole catalogue: read in the order of the field's index, the page comes at once.
        sign = "-" if descending else ""
        ordered = queryset.order_by(f"{sign}{field}", f"{sign}pk").values_list("pk", flat=True)
        return list(ordered[query.offset :][:PAGE_SIZE])
    return _sorted_after_filtering(queryset, F(field), descending=descending, offset=query.offset)


def _sorted_after_filtering(queryset: QuerySet, key, *, descending: bool, offset: int) -> list[int]:
    """The page of ``queryset`` by ``key``, its rows found before they are sorted.

    Left to plan ORDER BY … LIMIT 20 itself, PostgreSQL read the products in price or date
    order and tested the filters on each until 20 passed: a category whose articles are
    cheap, or a commune with few shops, made it read 30,000 rows (0.3 to 0.7 s on 100,000
    products). The filtered rows as a subquery it may not merge (OFFSET 0), then sorted,
    cost a hash join and a top-20 sort.
    """
    inner = queryset.order_by().annotate(sort_key=key).values_list("pk", "sort_key")
    sql, params = inner.query.sql_with_params()
    direction = "DESC" if descending else "ASC"
    fence = "OFFSET 0" if connection.vendor == "postgresql" else "LIMIT -1 OFFSET 0"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT page.* FROM ({sql} {fence}) page "
            f"ORDER BY 2 {direction}, 1 {direction} LIMIT %s OFFSET %s",
            [*params, PAGE_SIZE, offset],
        )
        return [int(row[0]) for row in cursor.fetchall()]


def _relevance_page(
    product_set: Callable[[list[int] | None], QuerySet], matches: list[int], query: ProductQuery
) -> list[int]:
    """The page of the best matches that pass the filters, in the order of the matches.

    The best 4 × (offset + page size) matches are checked first: unless the filters drop
    most of them, the page is among them, without reading the ids of every match back.
    """
    wanted = query.offset + PAGE_SIZE
    window = RELEVANCE_WINDOW * wanted
    while True:
        candidates = matches[:window]
        kept = set(product_set(candidates).values_list("pk", flat=True))
        ordered = [pk for pk in candidates if pk in kept]
        if len(ordered) >= wanted or window >= len(matches):
            return ordered[query.offset : wanted]
        window = len(matches)


def _cached_page(query: ProductQuery, compute: Callable[[], list[int]]) -> list[int]:
    """The ids of the first page of a listing without words from the cache, else computed.

    The menu's and the categories' links open these pages: a category's articles sorted
    by date took 70 ms at 100,000 products (every matching row sorted for the top 20), the
    same for every shopper until the index changes. Kept like the facets, under the index
    version (read before computing), which every indexed change bumps. Searches with words
    and deeper pages are too varied to be worth the cache's room.
    """
    if query.text or query.page != 1:
        return compute()
    key = versioned_key("listing-page", query)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, FACETS_CACHE_SECONDS)
    return found


def _hits(ids: list[int]) -> list[ProductHit]:
    # Only what a hit shows (not the document's delivery areas and categories): 3 queries.
    # The ids come from the indexed products, so the index queryset's filters hold.
    stockrecords = StockRecord.objects.select_related("partner__merchant__commune")
    images = ProductImage.objects.only("id", "product_id", "original", "display_order")
    products = (
        SearchableProduct.objects.filter(pk__in=ids)
        .only("id", "title", "slug", "structure")
        .prefetch_related(
            Prefetch("stockrecords", queryset=stockrecords, to_attr="search_stockrecords"),
            Prefetch("images", queryset=images, to_attr="search_images"),
        )
        .in_bulk()
    )
    return [_hit(products[pk]) for pk in ids if pk in products]


def _hit(product: SearchableProduct) -> ProductHit:
    merchant = product._merchant()
    return ProductHit(
        id=product.pk,
        title=product.title,
        slug=product.slug,
        price=product.price_incl_tax(),
        currency=product.price_currency() or "EUR",
        image_name=product.image_name(),
        merchant=MerchantSummary(
            slug=merchant.slug if merchant else "",
            name=merchant.name if merchant else "",
            commune=merchant.commune.name if merchant else "",
        ),
        modes=tuple(product.modes()),
    )


def database_search(backend, query: ProductQuery) -> SearchPage:
    matches = _text_matches(backend, query.text) if query.text else None
    filters = _filters(query)

    def product_set(skip: str) -> QuerySet:
        return _products(matches, filters, skip=skip)

    facets, count = cached_facets(
        query=query,
        compute=lambda: database_facets(product_set=product_set, active=set(filters), query=query),
    )

    def among(ids: list[int] | None) -> QuerySet:
        return _products(ids, filters)

    ids = (
        _cached_page(query, lambda: _ordered_page(among, matches, query, filtered=bool(filters)))
        if count
        else []
    )
    return SearchPage(
        query=query,
        count=count,
        hits=_hits(ids),
        facets=facets,
        backend=type(backend).__name__,
    )


def database_shops(text: str) -> list[ShopHit]:
    """Active shops whose name or commune matches every word, best first.

    Read from the database's French index on every backend: shops are a few hundred, and
    the database backend is kept up to date beside the engine.
    """
    ids = text_matches(text, kind=SearchTerm.SHOP, limit=SHOPS_SIZE * 3)
    shops = Merchant.objects.filter(is_active=True).select_related("commune").in_bulk(ids)
    found = [shops[pk] for pk in ids if pk in shops][:SHOPS_SIZE]
    return [ShopHit(slug=s.slug, name=s.name, commune=s.commune.name) for s in found]


def database_autocomplete(backend, text: str) -> list[Suggestion]:
    if _uses_sqlite_fts(backend):
        # Same reason as _sqlite_text_matches: modelsearch's query scores every row.
        shop_ids = _sqlite_text_matches(text, model=SearchableMerchant, prefix=True, limit=3)
        product_ids = _sqlite_text_matches(text, prefix=True, limit=AUTOCOMPLETE_SIZE * 3)
        shops = _in_order(SearchableMerchant.objects.filter(is_active=True), shop_ids)
        products = _in_order(SearchableProduct.objects.all(), product_ids)[:AUTOCOMPLETE_SIZE]
    else:
        shops = backend.autocomplete(text, SearchableMerchant.objects.all())[:3]
        products = backend.autocomplete(text, SearchableProduct.objects.all())[:AUTOCOMPLETE_SIZE]
    suggestions = [Suggestion(kind="shop", label=s.name, slug=s.slug) for s in shops]
    suggestions += [
        Suggestion(kind="product", label=p.title, slug=p.slug, id=p.pk) for p in products
    ]
    return suggestions[:AUTOCOMPLETE_SIZE]


def _in_order(queryset, ids: list[int]) -> list:
    found = queryset.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]
