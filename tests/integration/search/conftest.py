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
from oscar.core.loading import get_model

from orne_site.settings.env import search_backends_from_url
from search import selectors
from tests.factories import MerchantFactory, StockRecordFactory, commune
from tests.search_engines import (
    TEST_INDEX_PREFIX,
    engine_answers,
    refresh_engine,
    reset_engine_indexes,
)
from tests.services import require_service

ProductCategory = get_model("catalogue", "ProductCategory")


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
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
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


@pytest.fixture
def indexed(search_backend, django_capture_on_commit_callbacks):
    """`with indexed(): ...` writes data and lets its after-commit indexing run."""

    @contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        refresh_engine()

    return run


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
