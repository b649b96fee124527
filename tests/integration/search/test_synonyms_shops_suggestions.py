"""Staff synonyms, shops beside the articles and "did you mean", on every backend."""

import pytest
from django.urls import reverse

from search.models import SearchSynonym
from search.query import ProductQuery
from search.selectors import product_search

pytestmark = pytest.mark.django_db
API = "/api/search/products/"


@pytest.fixture
def books(indexed, shop, product):
    with indexed():
        library = shop(name="Librairie Le Passage", commune_code="61169")
        cheese = shop(name="Fromagerie Lebrun", commune_code="61001")
        product("Bande dessinée Les Vieux Fourneaux", merchant=library)
        product("Camembert de Normandie", merchant=cheese)
    return library


def titles(text: str) -> list[str]:
    return [hit.title for hit in product_search(query=ProductQuery(text=text)).hits]


def test_synonym_added_in_the_admin_changes_results(
    client, django_user_model, books, search_backend
):
    assert titles("bd") == []
    client.force_login(django_user_model.objects.create_superuser("chef", "c@orne.invalid", "x"))
    add = reverse("wagtailsnippets_product_search_searchsynonym:add")

    response = client.post(add, {"terms": "bd, bande dessinée"})

    assert response.status_code == 302
    assert titles("bd") == ["Bande dessinée Les Vieux Fourneaux"]
    assert titles("bande dessinee") == ["Bande dessinée Les Vieux Fourneaux"]


def test_synonym_with_one_phrase_is_refused_in_french(client, django_user_model, db):
    client.force_login(django_user_model.objects.create_superuser("chef", "c@orne.invalid", "x"))
    add = reverse("wagtailsnippets_product_search_searchsynonym:add")

    response = client.post(add, {"terms": "bd"})

    assert response.status_code == 200
    assert "au moins deux mots ou expressions" in response.content.decode()
    assert not SearchSynonym.objects.exists()


def test_shop_name_returns_the_shop_beside_its_articles(client, books, search_backend):
    data = client.get(API, {"q": "librairie"}).json()

    assert [shop["name"] for shop in data["shops"]] == ["Librairie Le Passage"]
    assert data["shops"][0]["commune"] == "Flers"
    assert data["shops"][0]["url"].endswith("?merchant=" + books.slug)
    assert [result["title"] for result in data["results"]] == ["Bande dessinée Les Vieux Fourneaux"]


def test_commune_name_returns_its_shops(client, books, search_backend):
    data = client.get(API, {"q": "alencon"}).json()

    assert [shop["name"] for shop in data["shops"]] == ["Fromagerie Lebrun"]


def test_results_page_shows_the_shops_block(client, books, search_backend):
    html = client.get(reverse("product_search:results"), {"q": "Lebrun"}).content.decode()

    assert "Boutiques" in html
    assert "Fromagerie Lebrun" in html


def test_nothing_found_suggests_the_nearest_indexed_words(client, books, search_backend):
    # A wrong first letter: no backend forgives it (the engines keep the first letter).
    page = product_search(query=ProductQuery(text="kamembert"))

    assert page.count == 0
    assert page.did_you_mean == "camembert"
    html = client.get(reverse("product_search:results"), {"q": "kamembert"}).content.decode()
    assert "Vouliez-vous dire" in html
    assert "?q=camembert" in html


def test_a_search_with_results_suggests_nothing(books, search_backend):
    assert product_search(query=ProductQuery(text="camembert")).did_you_mean == ""
