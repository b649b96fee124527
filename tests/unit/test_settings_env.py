import pytest
from django.core.exceptions import ImproperlyConfigured

from orne_site.settings.env import search_backend_from_url


def test_no_search_url_means_the_database_backend():
    assert search_backend_from_url(None, index_prefix="t_") == {
        "BACKEND": "modelsearch.backends.database"
    }


@pytest.mark.parametrize(
    ("url", "backend", "address"),
    [
        (
            "opensearch://127.0.0.1:9200",
            "modelsearch.backends.opensearch2",
            "http://127.0.0.1:9200",
        ),
        (
            "opensearch3://search.local",
            "modelsearch.backends.opensearch3",
            "http://search.local:9200",
        ),
        ("elasticsearch://es:9201", "modelsearch.backends.elasticsearch9", "http://es:9201"),
        (
            "opensearchs://u:p@os.example:443",
            "modelsearch.backends.opensearch2",
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
