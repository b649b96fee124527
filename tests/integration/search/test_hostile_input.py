"""What a shopper (or a robot) types that the database must never see: NUL bytes and
other control characters are refused with a French message, never a server error.

These run on whichever database the run uses; with DATABASE_URL=postgres://… they prove
the PostgreSQL case (PostgreSQL refuses NUL in text and answered 500 before).
"""

import pytest

pytestmark = pytest.mark.django_db
NUL_QUERY = "camembert\x00"
FORBIDDEN = "caractère interdit"


@pytest.fixture
def cheese(indexed, shop, product):
    with indexed():
        merchant = shop(name="Fromagerie Lebrun", commune_code="61001")
        product("Camembert de Normandie", merchant=merchant, price="4.80")
    return merchant


def test_search_api_refuses_a_nul_byte_with_a_french_message(client, cheese):
    response = client.get("/api/search/products/", {"q": NUL_QUERY})

    assert response.status_code == 400
    [error] = response.json()["errors"]["q"]
    assert FORBIDDEN in error["message"]


def test_autocomplete_refuses_a_nul_byte_with_a_french_message(client, cheese):
    response = client.get("/api/search/autocomplete/", {"q": "cam\x00"})

    assert response.status_code == 400
    [error] = response.json()["errors"]["q"]
    assert FORBIDDEN in error["message"]


def test_search_page_with_a_nul_byte_shows_the_message_and_no_results(client, cheese):
    response = client.get("/recherche/", {"q": NUL_QUERY})

    assert response.status_code == 200
    page = response.content.decode()
    assert FORBIDDEN in page
    assert "Certains filtres" not in page


def test_search_page_with_a_bad_filter_still_searches_the_words(client, cheese):
    response = client.get("/recherche/", {"q": "camembert", "delivers_to": "61\x00001"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Camembert de Normandie" in page
    assert "Certains filtres" in page


def test_search_api_refuses_an_oversized_query_in_french(client, cheese):
    response = client.get("/api/search/products/", {"q": "a" * 201})

    assert response.status_code == 400
    [error] = response.json()["errors"]["q"]
    assert "200 caractères au plus" in error["message"]
