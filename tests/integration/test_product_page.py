"""The product page names its seller, without Oscar's theme or features that do not work here."""

from datetime import time
from decimal import Decimal

import pytest

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from tests.factories import MerchantStockRecordFactory, merchant_hours_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def cheese_page(client):
    merchant = merchant_onboard(
        details=ShopDetails(
            name="Fromagerie du Bocage",
            commune=Commune.objects.get(insee_code="61169"),
            email="bocage@example.org",
        ),
        password="camembert-au-lait-cru-61",
        notify=False,
    )
    merchant.offers_delivery = True
    merchant.delivery_fee = Decimal("4.90")
    merchant.save()
    merchant.delivery_communes.set([Commune.objects.get(insee_code="61001")])
    merchant_hours_set(merchant=merchant, hours=[(1, time(9), time(12, 30))])
    record = MerchantStockRecordFactory(
        merchant=merchant, product__title="Livarot AOP", product__size_label="400 g"
    )
    MerchantStockRecordFactory(merchant=merchant, product__title="Pont-l'Évêque")
    return merchant, client.get(record.product.get_absolute_url())


def test_the_shop_block_names_the_seller_its_commune_delivery_pickup_and_hours(cheese_page):
    merchant, response = cheese_page

    text = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="{merchant.page.url}">Fromagerie du Bocage</a>' in text
    assert "Flers" in text  # the shop's commune
    assert "4,90" in text and "Livre à Alençon" in text
    assert "Retrait en boutique" in text and "09h00 – 12h30" in text
    assert "Autres articles de Fromagerie du Bocage" in text and "Pont-l&#x27;Évêque" in text


def test_the_size_and_price_including_vat_are_shown(cheese_page):
    _merchant, response = cheese_page

    text = response.content.decode()
    assert "400 g" in text and "TTC" in text and "En stock" in text


def test_no_oscar_theme_no_wishlist_no_review_form(cheese_page):
    _merchant, response = cheese_page

    text = response.content.decode().lower()
    for absent in ("bootstrap", "jquery", "font-awesome", "wishlist", "review"):
        assert absent not in text, absent
