"""Adding an article says so on the page the shopper comes back to, once."""

import pytest
from django.urls import reverse

from tests.factories import MerchantFactory, MerchantStockRecordFactory

pytestmark = pytest.mark.django_db


def test_the_product_page_says_the_article_was_added_then_forgets_it(client):
    record = MerchantStockRecordFactory(
        merchant=MerchantFactory(name="Cidrerie du Bocage"),
        product__title="Cidre bouché",
        num_in_stock=5,
    )
    url = record.product.get_absolute_url()
    page = client.get(url, follow=True)
    product_url = page.redirect_chain[-1][0] if page.redirect_chain else url

    back = client.post(
        reverse("basket:add", args=[record.product.pk]),
        {"quantity": 1},
        headers={"referer": "http://testserver" + product_url},
        follow=True,
    )

    assert back.request["PATH_INFO"] == product_url
    body = back.content.decode()
    assert '<div class="container site-messages" role="status">' in body
    assert "<strong>Cidre bouché</strong> a été ajouté à votre panier." in " ".join(body.split())
    assert "site-messages" not in client.get(product_url).content.decode()
    assert "Oscar" not in body  # no template comment leaks into the page
