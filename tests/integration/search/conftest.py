"""Search tests run on the database backend, and on each real engine configured:
TEST_SEARCH_URL (or SEARCH_URL), e.g. opensearch://127.0.0.1:9200, or several separated by
commas (CI: OpenSearch and Elasticsearch).

Without an engine the engine runs skip with the reason, except with CI=true where they fail.
Data is written inside `django_capture_on_commit_callbacks(execute=True)`, so documents reach
the index through the same after-commit path as in production.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from modelsearch.backends import get_search_backend
from oscar.core.loading import get_model

from merchants.models import Commune
from orne_site.settings.env import search_backends_from_url
from search import selectors
from search.models import SearchableMerchant, SearchableProduct
from tests.factories import MerchantFactory, StockRecordFactory
from tests.services import require_service

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
TEST_INDEX_PREFIX = "test_orne_search_"


def engine_answers(url: str) -> bool:
    import urllib.request

    backend = search_backends_from_url(url, index_prefix=TEST_INDEX_PREFIX)["default"]
    try:
        with urllib.request.urlopen(backend["URLS"][0] + "/_cluster/health", timeout=3) as r:
            return r.status == 200
    except OSError:
        return False


def reset_engine_indexes() -> None:
    backend = get_search_backend("default")
    for model in (SearchableProduct, SearchableMerchant):
        index = backend.get_index_for_model(model)
        # A rebuild test may have left an alias: drop the indexes behind it too.
        if index.is_alias():
            for aliased in index.aliased_indices():
                aliased.delete()
        index.delete()
        index.put()
        index.add_model(model)


def _engine_params() -> list:
    """One run per engine TEST_SEARCH_URL names (comma-separated), else one that skips.

    Read from the environment at collection time, as test.py settings read it.
    """
    raw = os.environ.get("TEST_SEARCH_URL") or os.environ.get("SEARCH_URL") or ""
    urls = [url.strip() for url in raw.split(",") if url.strip()]
    if not urls:
        return [pytest.param(None, id="engine")]
    return [pytest.param(url, id=urlsplit(url).scheme.rstrip("s") or "engine") for url in urls]


@pytest.fixture(params=[pytest.param("database", id="database"), *_engine_params()])
def search_backend(request, settings, db) -> str:
    """Which backend answers: 'database' or 'engine' (a real one, from TEST_SEARCH_URL)."""
    selectors.engine_circuit.reset()
    selectors._backend.cache_clear()
    cache.clear()  # pages kept while the engine is down (selectors._degraded_search)
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
        kind = "database"
    else:
        url = request.param
        require_service(
            bool(url) and engine_answers(url),
            "no search engine: set TEST_SEARCH_URL=opensearch://127.0.0.1:9200 "
            "(make search-engine starts one)"
            if not url
            else f"the search engine at {url} does not answer",
        )
        settings.WAGTAILSEARCH_BACKENDS = search_backends_from_url(
            url, index_prefix=TEST_INDEX_PREFIX
        )
        settings.TEST_SEARCH_ENGINE_URL = url  # which node a test may freeze
        reset_engine_indexes()
        kind = "engine"
    yield kind
    selectors.engine_circuit.reset()
    selectors._backend.cache_clear()


def database_cannot(*, accents: bool = False, stemming: bool = False, typos: bool = False):
    """Skip a database-backend run for a feature modelsearch's database backends lack."""

    def reasons() -> list[str]:
        found = []
        if stemming:
            found.append("modelsearch's database backends do no French stemming")
        if typos:
            found.append("modelsearch's SQLite/PostgreSQL FTS queries have no typo tolerance")
        if accents and connection.vendor != "sqlite":
            found.append("PostgreSQL full text ('simple' config, no unaccent) keeps accents")
        return found

    return reasons


@pytest.fixture
def skip_on_database(search_backend):
    def skip(reasons) -> None:
        found = reasons()
        if search_backend == "database" and found:
            pytest.skip("; ".join(found))

    return skip


def refresh_engine() -> None:
    backend = get_search_backend("default")
    if hasattr(backend, "es"):
        for model in (SearchableProduct, SearchableMerchant):
            backend.get_index_for_model(model).refresh()


@pytest.fixture
def indexed(search_backend, django_capture_on_commit_callbacks):
    """`with indexed(): ...` writes data and lets its after-commit indexing run."""

    @contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        refresh_engine()

    return run


def commune(code: str) -> Commune:
    return Commune.objects.get(insee_code=code)


def category(name: str, slug: str, parent=None):
    existing = Category.objects.filter(slug=slug).first()
    if existing:
        return existing
    return (
        parent.add_child(name=name, slug=slug)
        if parent
        else Category.add_root(name=name, slug=slug)
    )


@pytest.fixture
def shop():
    """A factory of merchants: shop(name=..., commune_code=..., offers_delivery=...)."""

    def make(*, name: str = "Fromagerie Lebrun", commune_code: str = "61001", **kwargs):
        return MerchantFactory(name=name, commune=commune(commune_code), **kwargs)

    return make


@pytest.fixture
def product():
    """A factory of products with their merchant's stock record."""

    def make(
        title: str,
        *,
        merchant,
        price: str = "12.90",
        stock: int = 10,
        categories=(),
        description: str = "",
    ):
        record = StockRecordFactory(
            product__title=title,
            product__description=description,
            partner=merchant.partner,
            price_incl_tax=Decimal(price),
            num_in_stock=stock,
        )
        for cat in categories:
            ProductCategory.objects.create(product=record.product, category=cat)
        return record.product

    return make
