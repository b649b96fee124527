"""Reads for shoppers: product search and autocomplete, never down.

The engine (the `default` backend when SEARCH_URL names one) answers first, within
PRODUCT_SEARCH_QUERY_TIMEOUT. If it is unreachable, times out or errs, the database backend
answers with the same SearchPage, a warning is logged, and the engine is left alone for
ENGINE_RETRY_AFTER seconds so shoppers do not each wait for the timeout. Meanwhile the
database's pages are kept DEGRADED_CACHE_SECONDS per query.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache

from django.core.cache import cache
from django.utils.translation import get_language
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend

from search import conf
from search.database_query import database_autocomplete, database_search, database_shops
from search.database_text import did_you_mean
from search.engine_query import engine_autocomplete, engine_search
from search.query import AUTOCOMPLETE_MIN_LENGTH, ProductQuery, SearchPage, Suggestion

logger = logging.getLogger(__name__)
ENGINE_RETRY_AFTER = 15.0
DEGRADED_CACHE_SECONDS = 60


class EngineCircuit:
    """Remembers a recent engine failure, so the next queries go straight to the database.

    Kept in the cache: with REDIS_URL every app process sees the trip of one, and the
    engine is spared the timeout of each process in turn.
    """

    key = "product_search:engine-circuit-open"

    def allows(self) -> bool:
        return cache.get(self.key) is None

    def trip(self) -> None:
        cache.set(self.key, 1, ENGINE_RETRY_AFTER)

    def reset(self) -> None:
        cache.delete(self.key)


engine_circuit = EngineCircuit()


@lru_cache(maxsize=8)
def _backend(alias: str, config: str):
    # modelsearch builds a backend (and an HTTP client) per call; reuse one per configuration
    # so queries keep their connections open.
    return get_search_backend(alias)


def _backends() -> tuple[object | None, object]:
    """(engine or None, database backend) from WAGTAILSEARCH_BACKENDS."""
    config = conf.search_backends()
    default = _backend("default", json.dumps(config["default"], sort_keys=True))
    if not isinstance(default, ElasticsearchBaseSearchBackend):
        return None, default
    # Settings written by hand may name only the engine: the database backend still answers.
    alias = "database" if "database" in config else "search.backends.database"
    database = _backend(alias, json.dumps(config.get("database"), sort_keys=True))
    return default, database


def product_search(*, query: ProductQuery) -> SearchPage:
    """One page of products for ``query``, with facet counts, from the engine if it answers;
    with the shops matching the words on the first page, and "did you mean" when empty."""
    engine, database = _backends()
    if engine is not None and engine_circuit.allows():
        try:
            return _with_shops_and_suggestion(
                engine_search(engine, query, timeout=conf.query_timeout())
            )
        except Exception as error:  # any engine failure: the shopper still gets a page
            _engine_failed(error, what="search")
    if engine is None:
        return _with_shops_and_suggestion(database_search(database, query))
    return _degraded_search(database, query)


def _with_shops_and_suggestion(page: SearchPage) -> SearchPage:
    query = page.query
    if query.text and query.page == 1:
        page.shops = database_shops(query.text)
    if query.text and not page.count:
        page.did_you_mean = did_you_mean(query.text)
    return page


def _degraded_search(database, query: ProductQuery) -> SearchPage:
    """The database's page while the engine is down, kept a minute per query and language.

    During an outage every search lands on the database, where a page costs up to a second
    on 100,000 products (PostgreSQL; facets counted in SQL, docs/benchmarks.md): the
    listing and category pages everybody opens would queue on it. A minute-old page is
    better than a database brought down with the engine.
    """
    text = repr((get_language(), query))
    key = "product_search:degraded:" + hashlib.sha256(text.encode()).hexdigest()
    page = cache.get(key)
    if page is None:
        page = _with_shops_and_suggestion(database_search(database, query))
        cache.set(key, page, DEGRADED_CACHE_SECONDS)
    page.degraded = True
    return page


def product_autocomplete(*, text: str) -> list[Suggestion]:
    """Shops and products whose words start with ``text`` (from its 3rd letter)."""
    text = " ".join(text.split())
    if len(text) < AUTOCOMPLETE_MIN_LENGTH:
        return []
    engine, database = _backends()
    if engine is not None and engine_circuit.allows():
        try:
            return _unique(engine_autocomplete(engine, text, timeout=conf.query_timeout()))
        except Exception as error:
            _engine_failed(error, what="autocomplete")
    return _unique(database_autocomplete(database, text))


def _unique(suggestions: list[Suggestion]) -> list[Suggestion]:
    # Several shops sell the same article: suggest its title once.
    seen: set[tuple[str, str]] = set()
    unique = []
    for suggestion in suggestions:
        key = (suggestion.kind, suggestion.label.casefold())
        if key not in seen:
            seen.add(key)
            unique.append(suggestion)
    return unique


def _engine_failed(error: Exception, *, what: str) -> None:
    engine_circuit.trip()
    logger.warning(
        "Search engine unavailable for %s (%s: %s); the database answers for the next %.0f s",
        what,
        type(error).__name__,
        error,
        ENGINE_RETRY_AFTER,
    )
