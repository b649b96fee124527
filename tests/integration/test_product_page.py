"""The product page names its seller, without Oscar's theme or features that do not work here."""

import re
from datetime import time
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.demo.images import product_photo_jpeg
from tests.factories import MerchantStockRecordFactory, category, merchant_hours_set

pytestmark = pytest.mark.django_db
ProductImage = get_model("catalogue", "ProductImage")


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


def test_the_breadcrumb_leads_straight_to_each_category_listing(client):
    cheeses = category("Fromages", "fromages", parent=category("Alimentation", "alimentation"))
    record = MerchantStockRecordFactory(product__title="Livarot AOP", category=cheeses)

    content = client.get(record.product.get_absolute_url()).content.decode()

    trail = content.split('class="breadcrumbs"', 1)[1].split("</ol>", 1)[0]
    crumbs = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', trail)
    assert crumbs == [
        ("/recherche/", "Tous les articles"),
        ("/recherche/?category=alimentation", "Alimentation"),
        ("/recherche/?category=fromages", "Fromages"),
    ]
    assert client.get("/recherche/?category=fromages").status_code == 200  # no redirect


def test_an_article_without_a_photo_shows_a_drawing_that_says_so(cheese_page):
    _merchant, response = cheese_page

    content = response.content.decode()
    photos = content.split('class="product__photos"', 1)[1].split("</div>", 1)[0]
    assert '<svg class="product-photo product-photo--none" role="img"' in photos
    assert 'aria-label="Photo indisponible"' in photos and "<img" not in photos


def test_the_article_photos_are_sized_thumbnails_with_the_title_as_alt(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    record = MerchantStockRecordFactory(product__title="Livarot AOP")
    ProductImage.objects.create(
        product=record.product,
        original=SimpleUploadedFile("livarot.jpg", product_photo_jpeg(title="L", subtitle="")),
    )

    content = client.get(record.product.get_absolute_url()).content.decode()

    (photo,) = re.findall(r'<img [^>]*class="product-photo"[^>]*>', content)
    assert 'width="480" height="480"' in photo and 'alt="Livarot AOP"' in photo
    assert "loading" not in photo  # the first photo is the page's largest paint


def test_card_photos_offer_twice_their_size_for_dense_phone_screens(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    record = MerchantStockRecordFactory(product__title="Livarot AOP")
    ProductImage.objects.create(
        product=record.product,
        original=SimpleUploadedFile("livarot.jpg", product_photo_jpeg(title="L", subtitle="")),
    )
    other = MerchantStockRecordFactory(merchant=record.partner.merchant, product__title="Brie")

    content = client.get(other.product.get_absolute_url()).content.decode()

    (card,) = re.findall(r'<img [^>]*class="product-photo"[^>]*>', content)
    # The 480 px photo, not blown up to 600: a card never shows more than the photo has.
    assert re.search(r'srcset="\S+ 300w, \S+ 480w" sizes="300px"', card)
    assert 'width="300" height="300"' in card
