"""Facets and filters: counts equal the documents a filter would give, filters combine."""

import pytest

from search.query import ProductQuery
from search.selectors import product_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(indexed, shop, product):
    from tests.factories import category

    food = category("Alimentation", "alimentation")
    cheese_cat = category("Fromages", "fromages", parent=food)
    drinks = category("Boissons", "boissons", parent=food)
    with indexed():
        cheese = shop(name="Fromagerie Lebrun", commune_code="61001", offers_delivery=True)
        cider = shop(name="Domaine Hébert", commune_code="61214", offers_click_collect=True)
        product("Camembert", merchant=cheese, price="4.80", categories=[cheese_cat])
        product("Livarot", merchant=cheese, price="8.50", categories=[cheese_cat], stock=0)
        product("Pont-l'Évêque", merchant=cheese, price="7.20", categories=[cheese_cat])
        product("Cidre brut", merchant=cider, price="5.50", categories=[drinks])
        product("Pommeau", merchant=cider, price="15.00", categories=[drinks])
        product("Calvados", merchant=cider, price="32.00", categories=[drinks], stock=0)


def facet(page, name) -> dict[str, int]:
    return {value.value: value.count for value in page.facets[name]}


FILTER_OF_FACET = {
    "commune": "communes",
    "merchant": "merchants",
    "category": "categories",
    "mode": "modes",
    "intercommunality": "intercommunalities",
}


@pytest.mark.parametrize("name", sorted(FILTER_OF_FACET))
def test_each_facet_count_equals_the_count_of_that_filter(market, search_backend, name):
    page = product_search(query=ProductQuery())
    assert page.facets[name], f"no {name} facet values"
    for value, count in facet(page, name).items():
        filtered = product_search(query=ProductQuery(**{FILTER_OF_FACET[name]: (value,)}))
        assert filtered.count == count, (name, value)


def test_price_and_stock_facets_count_what_their_filters_give(market, search_backend):
    from search.query import PRICE_RANGES

    page = product_search(query=ProductQuery())
    prices = facet(page, "price")
    for key, low, high in PRICE_RANGES:
        filtered = product_search(query=ProductQuery(min_price=low, max_price=high))
        assert filtered.count == prices[key], key
    assert prices == {"0-5": 1, "5-10": 3, "10-20": 1, "20-50": 1, "50-": 0}
    assert facet(page, "in_stock") == {"true": 4}
    assert product_search(query=ProductQuery(in_stock=True)).count == 4


def test_parent_category_counts_its_subcategories(market, search_backend):
    page = product_search(query=ProductQuery())
    assert facet(page, "category") == {"alimentation": 6, "fromages": 3, "boissons": 3}


def test_filters_combine(market, search_backend):
    page = product_search(query=ProductQuery(communes=("61001",), in_stock=True, max_price=5))
    assert [hit.title for hit in page.hits] == ["Camembert"]


def test_text_and_filters_combine(market, search_backend):
    page = product_search(query=ProductQuery(text="cidre", modes=("click_collect",)))
    assert [hit.title for hit in page.hits] == ["Cidre brut"]


def test_a_facet_keeps_its_other_values_when_one_is_chosen(market, search_backend):
    page = product_search(query=ProductQuery(communes=("61001",)))
    communes = {v.value: (v.count, v.selected) for v in page.facets["commune"]}
    assert communes == {"61001": (3, True), "61214": (3, False)}
    assert page.count == 3


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price", ["Camembert", "Cidre brut", "Pont-l'Évêque", "Livarot", "Pommeau", "Calvados"]),
        ("-price", ["Calvados", "Pommeau", "Livarot", "Pont-l'Évêque", "Cidre brut", "Camembert"]),
    ],
)
def test_sort_by_price(market, search_backend, sort, expected):
    page = product_search(query=ProductQuery(sort=sort))
    assert [hit.title for hit in page.hits] == expected


def test_newest_first(market, search_backend):
    page = product_search(query=ProductQuery(sort="newest"))
    assert page.hits[0].title == "Calvados"


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price", ["Camembert", "Pont-l'Évêque", "Livarot"]),
        ("-price", ["Livarot", "Pont-l'Évêque", "Camembert"]),
        ("newest", ["Pont-l'Évêque", "Livarot", "Camembert"]),
    ],
)
def test_filtered_products_are_sorted_too(market, search_backend, sort, expected):
    # A filter sends the database backend through its filter-then-sort query.
    page = product_search(query=ProductQuery(communes=("61001",), sort=sort))
    assert [hit.title for hit in page.hits] == expected


def test_filtered_and_sorted_pages_do_not_overlap(indexed, shop, product, search_backend):
    with indexed():
        merchant = shop()
        for number in range(25):
            product(f"Yaourt nature {number}", merchant=merchant, price=f"{number + 1}.00")
    query = {"communes": ("61001",), "sort": "-price"}
    first = product_search(query=ProductQuery(**query))
    second = product_search(query=ProductQuery(**query, page=2))
    prices = [hit.price for hit in first.hits + second.hits]
    assert prices == sorted(prices, reverse=True) and len(set(prices)) == 25


def test_pages_hold_twenty_results(indexed, shop, product, search_backend):
    with indexed():
        merchant = shop()
        for number in range(25):
            product(f"Yaourt nature {number}", merchant=merchant)
    first = product_search(query=ProductQuery(text="yaourt"))
    second = product_search(query=ProductQuery(text="yaourt", page=2))
    assert (first.count, len(first.hits), len(second.hits)) == (25, 20, 5)
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}


def test_a_product_in_two_sibling_categories_counts_once_under_their_parent(
    indexed, shop, product, search_backend
):
    from tests.factories import category

    food = category("Alimentation", "alimentation")
    cheeses = category("Fromages", "fromages", parent=food)
    drinks = category("Boissons", "boissons", parent=food)
    with indexed():
        farm = shop(name="Ferme Lebrun", commune_code="61001")
        product("Camembert au calvados", merchant=farm, categories=[cheeses, drinks])
        product("Cidre brut", merchant=farm, categories=[drinks])

    page = product_search(query=ProductQuery())

    assert facet(page, "category") == {"alimentation": 2, "fromages": 1, "boissons": 2}


def test_a_second_category_given_later_is_counted_once_under_the_parent(
    indexed, shop, product, search_backend
):
    from oscar.core.loading import get_model

    from tests.factories import category

    food = category("Alimentation", "alimentation")
    cheeses = category("Fromages", "fromages", parent=food)
    drinks = category("Boissons", "boissons", parent=food)
    with indexed():
        farm = shop(name="Ferme Lebrun", commune_code="61001")
        tomme = product("Tomme au cidre", merchant=farm, categories=[cheeses])
    assert facet(product_search(query=ProductQuery()), "category")["alimentation"] == 1

    with indexed():
        get_model("catalogue", "ProductCategory").objects.create(product=tomme, category=drinks)

    page = product_search(query=ProductQuery())
    assert facet(page, "category") == {"alimentation": 1, "fromages": 1, "boissons": 1}
