"""French text search, on the database backend and on the real engine."""

import pytest

from search.query import ProductQuery
from search.selectors import product_search

pytestmark = pytest.mark.django_db


def titles(text: str, **filters) -> list[str]:
    page = product_search(query=ProductQuery(text=text, **filters))
    return [hit.title for hit in page.hits]


@pytest.fixture
def catalogue(indexed, shop, product):
    with indexed():
        cheese = shop(name="Crèmerie Lebrun", commune_code="61001")
        butcher = shop(name="Boucherie Hébert", commune_code="61214")
        oil = shop(name="Moulin du Perche", commune_code="61375")
        product("Pâté de campagne", merchant=butcher)
        product("Camembert de Normandie", merchant=cheese)
        product("Plateau de fromage", merchant=cheese)
        product("L'huile de colza vierge", merchant=oil)
        product("Cidre brut", merchant=oil)


def test_pate_without_accents_finds_pate_with_accents(catalogue, search_backend):
    assert titles("pate") == ["Pâté de campagne"]


def test_plural_finds_singular(catalogue, search_backend):
    assert titles("fromages") == ["Plateau de fromage"]


def test_word_after_an_elided_article_is_found(catalogue, search_backend):
    assert titles("huile") == ["L'huile de colza vierge"]


def test_one_typo_is_forgiven(catalogue, search_backend):
    assert titles("camembrt") == ["Camembert de Normandie"]


def test_short_words_are_not_fuzzy(catalogue, search_backend):
    # "cdr" is one edit from "cid…" words, but typo tolerance needs more letters, and it
    # begins no indexed word.
    assert titles("cdr") == []


def test_last_word_matches_as_a_prefix_from_its_third_letter(catalogue, search_backend):
    assert titles("cid") == ["Cidre brut"]
    assert titles("ci") == []


def test_shop_name_finds_its_products(catalogue, search_backend):
    assert sorted(titles("Lebrun")) == ["Camembert de Normandie", "Plateau de fromage"]


def test_commune_name_finds_the_products_of_its_shops(catalogue, search_backend):
    # Shops in Alençon (61001): the cheese shop only.
    assert sorted(titles("Alençon")) == ["Camembert de Normandie", "Plateau de fromage"]


def test_title_match_ranks_before_description_match(indexed, shop, product, search_backend):
    with indexed():
        merchant = shop()
        product("Sablés normands", merchant=merchant, description="Au beurre et au cidre.")
        product("Cidre fermier", merchant=merchant)
    assert titles("cidre") == ["Cidre fermier", "Sablés normands"]


def test_no_words_lists_every_indexed_product(catalogue, search_backend):
    page = product_search(query=ProductQuery())
    assert page.count == 5


def test_a_whole_word_does_not_match_words_its_stem_begins(indexed, shop, product, search_backend):
    if search_backend != "database":
        pytest.skip("the database backend's prefix rule (search.database_match)")
    with indexed():
        library = shop(name="Librairie Le Passage", commune_code="61169")
        product("Livre de recettes normandes", merchant=library)
        product("Cidre brut", merchant=library, description="Livraison à domicile.")
        product("Livret de chansons", merchant=library)

    # "livre" stems to "livr": its forms match, "livret" as a word it begins, not
    # "livraison" (which "livr" begins).
    assert sorted(titles("livre")) == ["Livre de recettes normandes", "Livret de chansons"]
