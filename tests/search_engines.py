"""Search engines in tests: is one up, fresh indexes, refreshes."""

from modelsearch.backends import get_search_backend

from orne_site.settings.env import search_backends_from_url
from search.models import SearchableMerchant, SearchableProduct

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


def refresh_engine() -> None:
    backend = get_search_backend("default")
    if hasattr(backend, "es"):
        for model in (SearchableProduct, SearchableMerchant):
            backend.get_index_for_model(model).refresh()
