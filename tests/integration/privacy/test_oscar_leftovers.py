"""Reviews, stock alerts and wishlists are off: URLs answer 404, the product page hides them."""

import pytest

from tests.factories import StockRecordFactory

pytestmark = pytest.mark.django_db


def test_anonymous_review_form_answers_404(client):
    product = StockRecordFactory().product

    url = f"/boutique/catalogue/{product.slug}_{product.pk}/reviews/add/"
    response = client.post(url, {"title": "Super", "body": "Bon", "score": 5, "name": "X"})

    assert response.status_code == 404
    assert client.get(url).status_code == 404


def test_stock_alert_creation_answers_404_and_records_nothing(client):
    product = StockRecordFactory(num_in_stock=0).product

    response = client.post(
        f"/boutique/accounts/alerts/create/{product.pk}/", {"email": "quelquun@example.org"}
    )

    assert response.status_code == 404
    assert not product.productalert_set.exists()


def test_wishlists_answer_404(client):
    assert client.get("/boutique/accounts/wishlists/").status_code == 404
    assert client.get("/boutique/wishlists/cle-quelconque/").status_code == 404


def test_product_page_shows_neither_reviews_nor_wishlist(client):
    product = StockRecordFactory().product

    content = client.get(product.get_absolute_url()).content.decode()

    assert 'id="add_to_basket_form"' in content
    assert 'id="reviews"' not in content
    assert "/reviews/" not in content
    assert "wishlist" not in content.lower()


def test_sold_out_product_page_offers_no_stock_alert(client):
    product = StockRecordFactory(num_in_stock=0).product

    content = client.get(product.get_absolute_url()).content.decode()

    assert 'id="alert_form"' not in content
    assert "/alerts/" not in content
    assert "Non disponible" in content
