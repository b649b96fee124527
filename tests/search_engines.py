"""Search engines in tests: is one up, fresh indexes, refreshes, what the database lacks."""

from django.db import connection
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


def refresh_engine() -> None:
    backend = get_search_backend("default")
    if hasattr(backend, "es"):
        for model in (SearchableProduct, SearchableMerchant):
            backend.get_index_for_model(model).refresh()
