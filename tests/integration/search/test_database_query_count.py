"""The database backend's search page costs a fixed, small number of SQL queries."""

import pytest

from search.query import ProductQuery
from search.selectors import product_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(search_backend, indexed, shop, product):
    from tests.factories import category

    if search_backend != "database":
        pytest.skip("the engine answers in one request; this counts the database backend's")
    food = category("Alimentation", "alimentation")
    cheeses = category("Fromages", "fromages", parent=food)
    drinks = category("Boissons", "boissons", parent=food)
    with indexed():
        for number, commune_code in enumerate(("61001", "61214", "61006")):
            merchant = shop(name=f"Ferme {number}", commune_code=commune_code)
            for kind in range(8):
                product(f"Camembert {number} {kind}", merchant=merchant, categories=[cheeses])
                product(f"Cidre {number} {kind}", merchant=merchant, categories=[drinks])


# Before grouped facets: 25, 20 and 26 queries (one per facet and per price bucket, the
# product/category pairs read into Python, the hits loaded as for indexing).
@pytest.mark.parametrize(
    ("query", "most"),
    [
        # synonyms, vocabulary (typo), terms; facets 3; page; hits 3; shops 3
        (ProductQuery(text="camembert"), 13),
        # facets 3, page, hits 3
        (ProductQuery(), 7),
        # plus one grouped query for the facet of the chosen commune
        (ProductQuery(text="camembert", communes=("61001",), sort="price"), 14),
    ],
    ids=["text", "listing", "text-filter-sort"],
)
def test_a_page_costs_a_fixed_number_of_queries(
    catalogue, django_assert_max_num_queries, query, most
):
    product_search(query=query)  # warm up (site settings, content types)
    with django_assert_max_num_queries(most):
        page = product_search(query=query)
    assert page.count and page.hits
