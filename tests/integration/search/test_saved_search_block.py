"""The campaign's saved-search block shows what the search finds now, with a "see all" link."""

import html

import pytest

from orne_site.editorial.search_block import SavedSearchBlock
from tests.factories import category

pytestmark = pytest.mark.django_db


def render(**value) -> str:
    block = SavedSearchBlock()
    return html.unescape(block.render(block.to_python({"heading": "Fromages", **value})))


def test_saved_search_shows_current_in_stock_matches_and_links_to_the_search(
    indexed, shop, product
):
    cheese = category("Fromages", "fromages")
    drinks = category("Boissons", "boissons")
    with indexed():
        merchant = shop(name="Fromagerie Lebrun", commune_code="61001")
        product("Camembert fermier", merchant=merchant, categories=[cheese])
        product("Livarot épuisé", merchant=merchant, categories=[cheese], stock=0)
        product("Cidre brut", merchant=merchant, categories=[drinks])

    content = render(category="fromages", limit=8)

    assert "Camembert fermier" in content
    assert "Livarot épuisé" not in content and "Cidre brut" not in content
    assert "/recherche/?category=fromages&in_stock=true" in content


def test_saved_search_with_no_match_renders_nothing(indexed, shop, product):
    with indexed():
        product("Camembert fermier", merchant=shop())
    assert render(query="trottinette").strip() == ""
