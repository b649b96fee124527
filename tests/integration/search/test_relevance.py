"""The relevance set (tests/integration/search/relevance.py) on every backend: ≥ 95 % top-5."""

import pytest

from search.selectors import product_search
from tests.integration.search.relevance import (
    TARGET,
    catalogue_load,
    relevance_report,
    relevance_run,
    relevance_score,
)

pytestmark = pytest.mark.django_db


def test_relevance_set_puts_the_intended_article_in_the_top_five(indexed, search_backend, settings):
    # 74 queries on 2 shared cores: an engine busy for a second is not a relevance miss.
    settings.PRODUCT_SEARCH_QUERY_TIMEOUT = 10
    with indexed():
        catalogue_load()
    outcomes = relevance_run(lambda query: product_search(query=query))
    print(relevance_report(outcomes))
    assert relevance_score(outcomes) >= TARGET, relevance_report(outcomes)
