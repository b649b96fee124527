"""The JSON API's stable shape, autocomplete, the results page, and never being down."""

import logging
import os
import signal
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend

from search import selectors
from search.index_version import search_index_changed
from search.models import SearchableProduct
from search.query import ProductQuery
from tests.services import require_service

pytestmark = pytest.mark.django_db
API = "/api/search/products/"


@pytest.fixture
def cheeses(indexed, shop, product):
    with indexed():
        merchant = shop(name="Fromagerie Lebrun", commune_code="61001")
        product("Camembert de Normandie", merchant=merchant, price="4.80")
        product("Livarot AOP", merchant=merchant, price="8.50")
    return merchant


def test_api_answers_the_stable_shape(client, cheeses, search_backend):
    response = client.get(API, {"q": "camembert"})

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "results", "shops", "did_you_mean", "facets"}
    assert data["count"] == 1
    [result] = data["results"]
    assert set(result) == {"id", "title", "url", "price", "currency", "image", "merchant", "modes"}
    assert result["title"] == "Camembert de Normandie"
    assert result["price"] == "4.80"
    assert result["currency"] == "EUR"
    assert result["url"].startswith("http://testserver/boutique/catalogue/camembert")
    assert result["merchant"] == {
        "slug": cheeses.slug,
        "name": "Fromagerie Lebrun",
        "commune": "Alençon",
    }
    assert result["modes"] == ["click_collect"]
    assert set(data["facets"]) == {
        "category",
        "commune",
        "intercommunality",
        "merchant",
        "mode",
        "price",
        "in_stock",
    }
    assert data["facets"]["commune"] == [
        {"value": "61001", "label": "Alençon", "count": 1, "selected": False}
    ]


def test_api_filters_by_every_parameter(client, cheeses, search_backend):
    response = client.get(
        API,
        {
            "commune": "61001",
            "merchant": cheeses.slug,
            "mode": "click_collect",
            "min_price": "5",
            "max_price": "10",
            "in_stock": "true",
            "sort": "price",
            "page": "1",
        },
    )
    assert [r["title"] for r in response.json()["results"]] == ["Livarot AOP"]


def test_api_refuses_invalid_parameters(client, search_backend):
    response = client.get(API, {"min_price": "cher", "sort": "hasard"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"min_price", "sort"}


def test_autocomplete_answers_from_the_third_letter(client, cheeses, search_backend):
    url = "/api/search/autocomplete/"
    assert client.get(url, {"q": "ca"}).json() == {"results": []}

    labels = [(r["type"], r["label"]) for r in client.get(url, {"q": "cam"}).json()["results"]]
    assert ("product", "Camembert de Normandie") in labels

    shops = client.get(url, {"q": "fromag"}).json()["results"]
    assert {"type": "shop", "label": "Fromagerie Lebrun"} in [
        {"type": r["type"], "label": r["label"]} for r in shops
    ]


def test_results_page_is_french_and_accessible(client, cheeses, search_backend):
    response = client.get("/recherche/", {"q": "camembert"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'role="status"' in html and "1 article trouvé" in html
    assert "<legend>Commune de la boutique</legend>" in html
    assert '<label for="recherche-q">' in html
    assert "Camembert de Normandie" in html and "4,80\u202f€" in html
    # A facet value: its checkbox, its label and its count, in French and singular.
    assert (
        f'<input type="checkbox" name="merchant" value="{cheeses.slug}" id="facette-merchant-1">'
        '\n<label for="facette-merchant-1">Fromagerie Lebrun '
        '<span class="facet__count">(1 article)</span></label>'
    ) in html


def test_facet_values_are_escaped_and_counted_in_the_plural(client, indexed, shop, product):
    with indexed():
        merchant = shop(name="Fromages <b>&</b> Cie", commune_code="61001")
        product("Camembert fermier", merchant=merchant)
        product("Camembert affiné", merchant=merchant)

    html = client.get("/recherche/", {"q": "camembert"}).content.decode()
    counted = '<span class="facet__count">(2 articles)</span>'
    assert f"Fromages &lt;b&gt;&amp;&lt;/b&gt; Cie {counted}" in html
    assert "<b>&</b>" not in html


def test_search_box_of_every_page_leads_to_the_results_page(client):
    html = client.get("/").content.decode()
    assert 'action="/recherche/"' in html


def page_queries(client) -> int:
    # Facet counts kept since an earlier request would hide theirs: counted as after a change.
    search_index_changed()
    with CaptureQueriesContext(connection) as context:
        assert client.get("/recherche/", {"q": "yaourt"}).status_code == 200
    return len(context.captured_queries)


def test_results_page_query_count_does_not_grow_with_results(
    client, indexed, shop, product, search_backend
):
    with indexed():
        merchant = shop()
        for number in range(2):
            product(f"Yaourt nature {number}", merchant=merchant)
    page_queries(client)  # warm up: the first request creates the site settings row, once
    few = page_queries(client)
    with indexed():
        other = shop(name="Ferme Hébert", commune_code="61214")
        for number in range(20):
            product(f"Yaourt aux fruits {number}", merchant=other)
    # A new shop page empties the sitewide memo (menu, routes): one request rebuilds it.
    page_queries(client)
    assert page_queries(client) == few


def engine_only(search_backend) -> None:
    if search_backend != "engine":
        pytest.skip("the fallback is what the database backend already is")


def test_unreachable_engine_gets_answers_from_the_database(
    client, cheeses, search_backend, settings, caplog
):
    engine_only(search_backend)
    assert client.get(API, {"q": "livarot"})["X-Search-Backend"] != "database-fallback"
    backends = {**settings.WAGTAILSEARCH_BACKENDS}
    backends["default"] = {**backends["default"], "URLS": ["http://127.0.0.1:9"]}
    settings.WAGTAILSEARCH_BACKENDS = backends
    selectors._backend.cache_clear()

    with caplog.at_level(logging.WARNING, logger="search.selectors"):
        response = client.get(API, {"q": "livarot"})
        page = client.get("/recherche/", {"q": "livarot"})

    assert response.status_code == 200
    assert response["X-Search-Backend"] == "database-fallback"
    assert [r["title"] for r in response.json()["results"]] == ["Livarot AOP"]
    assert page.status_code == 200 and "Livarot AOP" in page.content.decode()
    assert "Search engine unavailable" in caplog.text


def test_while_the_engine_is_down_a_repeated_search_spares_the_database(
    cheeses, search_backend, settings, django_assert_num_queries
):
    engine_only(search_backend)
    backends = {**settings.WAGTAILSEARCH_BACKENDS}
    backends["default"] = {**backends["default"], "URLS": ["http://127.0.0.1:9"]}
    settings.WAGTAILSEARCH_BACKENDS = backends
    selectors._backend.cache_clear()
    livarot = ProductQuery(text="livarot")

    first = selectors.product_search(query=livarot)
    with django_assert_num_queries(0):
        again = selectors.product_search(query=livarot)
    other = selectors.product_search(query=ProductQuery(text="camembert"))

    assert first.degraded and again.degraded
    assert [h.title for h in again.hits] == [h.title for h in first.hits] == ["Livarot AOP"]
    assert [h.title for h in other.hits] == ["Camembert de Normandie"]


def test_engine_answering_with_an_error_gets_answers_from_the_database(
    client, cheeses, search_backend
):
    """`_msearch` answers 200 with an error per search (here: the index is gone)."""
    engine_only(search_backend)
    get_search_backend("default").get_index_for_model(SearchableProduct).delete()

    # Autocomplete first: its shops search still succeeds, the products one does not.
    suggested = client.get("/api/search/autocomplete/", {"q": "livar"}).json()["results"]
    response = client.get(API, {"q": "livarot"})

    assert [r["label"] for r in suggested] == ["Livarot AOP"]

    assert response.status_code == 200
    assert response["X-Search-Backend"] == "database-fallback"
    assert [r["title"] for r in response.json()["results"]] == ["Livarot AOP"]


# The running node's pid, per engine, as `tools/search-engines/<engine>/run.sh pid` prints it;
# .ci/run exports both (see the README, "Search engine").
PID_VARIABLES = {"opensearch": "OPENSEARCH_PID", "elasticsearch": "ELASTICSEARCH_PID"}


def engine_pid() -> int | None:
    scheme = (
        urlsplit(django_settings.TEST_SEARCH_ENGINE_URL).scheme.rstrip("s").rstrip("0123456789")
    )
    try:
        pid = int(os.environ.get(PID_VARIABLES.get(scheme, "OPENSEARCH_PID"), ""))
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def test_engine_stopped_mid_test_times_out_to_the_database(
    client, cheeses, search_backend, settings
):
    """The real node is frozen (SIGSTOP) between two requests, then resumed."""
    engine_only(search_backend)
    pid = engine_pid()
    require_service(
        pid is not None, "no running engine's pid in OPENSEARCH_PID / ELASTICSEARCH_PID"
    )
    assert client.get(API, {"q": "camembert"})["X-Search-Backend"] != "database-fallback"
    # Short, so the test does not wait long; set after the first answer, which a busy CI
    # machine may give slowly.
    settings.PRODUCT_SEARCH_QUERY_TIMEOUT = 0.5

    os.kill(pid, signal.SIGSTOP)
    try:
        response = client.get(API, {"q": "camembert"})
    finally:
        os.kill(pid, signal.SIGCONT)

    assert response.status_code == 200
    assert response["X-Search-Backend"] == "database-fallback"
    assert response.json()["count"] == 1
