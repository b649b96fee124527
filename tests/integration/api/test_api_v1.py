"""API v1: filters, pagination, bad input as JSON 400s, caching headers, CORS, throttling."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_shops_list_only_active_shops_with_deep_links(client, catalogue):
    body = client.get("/api/v1/shops/").json()
    assert body["count"] == 2
    names = [shop["name"] for shop in body["results"]]
    assert names == ["Boulangerie du Perche", "Fromagerie d'Alençon"]
    alencon = body["results"][1]
    assert alencon["commune"]["insee_code"] == "61001"
    assert alencon["modes"] == ["delivery"]
    assert alencon["articles_url"].endswith("/api/v1/articles/?merchant=fromagerie-alencon")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("commune=61001", ["Fromagerie d'Alençon"]),
        ("category=boulangerie", ["Boulangerie du Perche"]),
        ("mode=delivery", ["Fromagerie d'Alençon"]),
        ("mode=click_collect", ["Boulangerie du Perche"]),
    ],
)
def test_shops_filters(client, catalogue, query, expected):
    body = client.get(f"/api/v1/shops/?{query}").json()
    assert [shop["name"] for shop in body["results"]] == expected


def test_shops_filter_by_intercommunality(client, catalogue):
    code = catalogue["other"].intercommunality.code
    body = client.get(f"/api/v1/shops/?intercommunality={code}").json()
    assert [shop["name"] for shop in body["results"]] == ["Boulangerie du Perche"]


def test_articles_come_from_the_search_with_facets_and_a_basket_link(client, catalogue):
    body = client.get("/api/v1/articles/?q=camembert").json()
    assert [hit["title"] for hit in body["results"]] == ["Camembert fermier"]
    hit = body["results"][0]
    assert hit["add_to_basket"] == hit["url"] + "#add_to_basket_form"
    assert hit["price"] == "12.90"
    assert "category" in body["facets"]


def test_article_detail_says_price_vat_and_availability(client, catalogue):
    product = catalogue["camembert"]
    body = client.get(f"/api/v1/articles/{product.pk}/").json()
    assert body["vat_rate"] == "5.5" and body["available"] is True
    assert body["merchant"] == "fromagerie-alencon"


@pytest.mark.parametrize(
    "url, field",
    [
        ("/api/v1/shops/?ville=Alencon", "ville"),
        ("/api/v1/shops/?page=abc", "page"),
        ("/api/v1/shops/?page_size=100000", "page_size"),
        ("/api/v1/shops/?category=inconnue", "category"),
        ("/api/v1/articles/?page=0", "page"),
        ("/api/v1/articles/?couleur=rouge", "couleur"),
        ("/api/v1/articles/?page_size=50", "page_size"),
        ("/api/v1/communes/?with_shops=peut-etre", "with_shops"),
        ("/api/v1/news/?language=de", "language"),
    ],
)
def test_bad_input_is_a_json_400_naming_the_parameter(client, catalogue, url, field):
    response = client.get(url)
    assert response.status_code == 400
    assert field in response.json()


def test_a_page_past_the_end_is_a_json_404(client, catalogue):
    response = client.get("/api/v1/shops/?page=99")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_unknown_shop_is_a_json_404(client, catalogue):
    response = client.get("/api/v1/shops/fermee/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_etag_answers_304_when_unchanged(client, catalogue):
    first = client.get("/api/v1/communes/?with_shops=true")
    assert first.json()["count"] == 2
    again = client.get("/api/v1/communes/?with_shops=true", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_cors_allows_configured_origins_only(client, catalogue, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.orne.fr"]
    allowed = client.get("/api/v1/shops/", HTTP_ORIGIN="https://app.orne.fr")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.orne.fr"
    other = client.get("/api/v1/shops/", HTTP_ORIGIN="https://ailleurs.example")
    assert "Access-Control-Allow-Origin" not in other


def test_rate_limit_per_client(client, catalogue, settings):
    settings.API_RATE_LIMIT = "3/minute"
    cache.clear()
    codes = [client.get("/api/v1/intercommunalities/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other_client = client.get("/api/v1/intercommunalities/", REMOTE_ADDR="203.0.113.9")
    assert other_client.status_code == 200


def test_schema_is_openapi_3_and_covers_every_v1_operation(client, catalogue):
    schema = client.get("/api/v1/schema/?format=json").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/shops/",
        "/api/v1/shops/{slug}/",
        "/api/v1/articles/",
        "/api/v1/articles/{id}/",
        "/api/v1/communes/",
        "/api/v1/intercommunalities/",
        "/api/v1/campaigns/",
        "/api/v1/news/",
    }
