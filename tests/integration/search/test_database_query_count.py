"""The database backend's search page costs a fixed, small number of SQL queries."""

import pytest

from search.index_version import search_index_changed
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
        # synonyms, vocabulary (typo), match; facets 3 (per partner and category, the
        # shops, the categories); page; hits 3; shops' match (the same analysis of the
        # words), their merchants only when some match
        (ProductQuery(text="camembert"), 11),
        # facets 3, page, hits 3
        (ProductQuery(), 7),
        # plus one grouped query for the facets without the chosen commune
        (ProductQuery(text="camembert", communes=("61001",), sort="price"), 12),
    ],
    ids=["text", "listing", "text-filter-sort"],
)
def test_a_page_costs_a_fixed_number_of_queries(
    catalogue, django_assert_max_num_queries, query, most
):
    product_search(query=query)  # warm up (site settings, content types)
    search_index_changed()  # the facets counted again, as after a change of the index
    with django_assert_max_num_queries(most):
        page = product_search(query=query)
    assert page.count and page.hits


def test_facets_are_counted_once_per_change_of_the_index(
    catalogue, shop, product, indexed, django_assert_max_num_queries
):
    listing = ProductQuery()
    first = product_search(query=listing)
    # The same counts for another page and sort: the facets' queries are not run again.
    with django_assert_max_num_queries(4):
        again = product_search(query=ProductQuery(sort="price", page=2))
    assert (again.count, again.facets) == (first.count, first.facets)

    with indexed():
        product("Pommeau 9", merchant=shop(name="Ferme 9", commune_code="61001"))

    after = product_search(query=listing)
    assert after.count == first.count + 1
    communes = {value.value: value.count for value in after.facets["commune"]}
    assert communes["61001"] == {v.value: v.count for v in first.facets["commune"]}["61001"] + 1


def test_a_listing_first_page_is_kept_until_the_index_changes(
    catalogue, shop, product, indexed, django_assert_max_num_queries
):
    listing = ProductQuery(communes=("61001",))
    first = product_search(query=listing)
    # Facets and the page's ids from the cache: only the hits' 3 queries are run.
    with django_assert_max_num_queries(3):
        again = product_search(query=listing)
    assert [hit.id for hit in again.hits] == [hit.id for hit in first.hits]

    with indexed():
        newest = product("Pommeau 9", merchant=shop(name="Ferme 9", commune_code="61001"))

    # The newest article first (the default order without words), not the kept page.
    after = product_search(query=listing)
    assert after.hits[0].id == newest.pk
    assert [hit.id for hit in after.hits[1:]] == [hit.id for hit in first.hits][:19]
