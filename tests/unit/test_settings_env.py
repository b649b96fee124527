import pytest
from django.core.exceptions import ImproperlyConfigured

from orne_site.settings.env import search_backend_from_url, search_backends_from_url


def test_no_search_url_means_the_database_backend():
    assert search_backend_from_url(None, index_prefix="t_") == {
        "BACKEND": "search.backends.database"
    }


@pytest.mark.parametrize(
    ("url", "backend", "address"),
    [
        (
            "opensearch://127.0.0.1:9200",
            "search.backends.opensearch2",
            "http://127.0.0.1:9200",
        ),
        (
            "opensearch3://search.local",
            "search.backends.opensearch3",
            "http://search.local:9200",
        ),
        ("elasticsearch://es:9201", "search.backends.elasticsearch9", "http://es:9201"),
        (
            "opensearchs://u:p@os.example:443",
            "search.backends.opensearch2",
            "https://u:p@os.example:443",
        ),
    ],
)
def test_search_url_picks_backend_and_address(url, backend, address):
    entry = search_backend_from_url(url, index_prefix="orne_")
    assert entry["BACKEND"] == backend
    assert entry["URLS"] == [address]
    assert entry["INDEX_PREFIX"] == "orne_"


def test_unknown_search_scheme_is_refused_with_the_known_ones():
    with pytest.raises(ImproperlyConfigured, match="opensearch"):
        search_backend_from_url("solr://localhost:8983", index_prefix="t_")


def test_an_engine_keeps_the_database_backend_beside_it_for_fallback():
    backends = search_backends_from_url("opensearch://127.0.0.1:9200", index_prefix="t_")
    assert backends["default"]["BACKEND"] == "search.backends.opensearch2"
    assert backends["database"] == {"BACKEND": "search.backends.database"}


def test_without_engine_the_database_is_the_only_backend():
    assert search_backends_from_url(None, index_prefix="t_") == {
        "default": {"BACKEND": "search.backends.database"}
    }
