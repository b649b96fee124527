"""The "delivers to my commune" filter on the database backend: right shops, and a query
that does not multiply each product by the shop's delivery lists (43 s on 100,800
products on PostgreSQL before)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from merchants.models import Commune

pytestmark = pytest.mark.django_db
API = "/api/search/products/"
HOME = "61214"


@pytest.fixture
def delivering_shops(indexed, shop, product):
    home = Commune.objects.get(insee_code=HOME)
    others = list(Commune.objects.exclude(pk=home.pk).order_by("insee_code")[:12])
    with indexed():
        by_commune = shop(name="Fromagerie Lebrun", offers_delivery=True)
        by_commune.delivery_communes.set([home, *others])
        by_epci = shop(name="Cidrerie Hébert", offers_delivery=True)
        by_epci.delivery_intercommunalities.set([home.intercommunality])
        by_epci.delivery_communes.set(others)
        elsewhere = shop(name="Boulangerie Martin", offers_delivery=True)
        elsewhere.delivery_communes.set(others)
        for n in range(3):
            product(f"Camembert {n}", merchant=by_commune)
            product(f"Cidre {n}", merchant=by_epci)
            product(f"Baguette {n}", merchant=elsewhere)


def test_delivers_to_finds_shops_by_commune_and_by_intercommunality(
    client, delivering_shops, search_backend
):
    response = client.get(API, {"delivers_to": HOME})

    titles = sorted(result["title"] for result in response.json()["results"])
    assert titles == [f"Camembert {n}" for n in range(3)] + [f"Cidre {n}" for n in range(3)]


def test_delivers_to_search_runs_a_fixed_number_of_queries(
    client, delivering_shops, search_backend, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        response = client.get(API, {"delivers_to": HOME})

    assert response.json()["count"] == 6


def test_delivers_to_never_joins_products_to_the_delivery_lists(
    client, delivering_shops, search_backend
):
    if search_backend != "database":
        pytest.skip("the engines answer from their documents, not SQL")
    with CaptureQueriesContext(connection) as queries:
        client.get(API, {"delivers_to": HOME})

    joined = [
        query["sql"]
        for query in queries.captured_queries
        if "catalogue_product" in query["sql"]
        and "merchants_merchant_delivery_communes" in query["sql"]
    ]
    assert joined == []
