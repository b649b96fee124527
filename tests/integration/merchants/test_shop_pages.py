"""Public shop pages and the shop index."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories import StockRecordFactory

pytestmark = pytest.mark.django_db
ProductImage = get_model("catalogue", "ProductImage")


def add_products(merchant, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        record = StockRecordFactory(
            partner=merchant.partner,
            product__title=f"Pommeau n° {number:02d}",
            price_incl_tax="14.50",
            vat_rate="20",
        )
        ProductImage.objects.create(
            product=record.product, original="images/products/demo/x.jpg", display_order=0
        )


def queries_for(client, url) -> int:
    client.get(url)  # warm the thumbnail key-value cache, as on a live site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_shop_page_lists_its_products_with_price_and_link(client, onboard):
    shop = onboard("Cidrerie Lemonnier")
    add_products(shop, 2)
    other = onboard("Autre Boutique", email="autre@example.org")
    StockRecordFactory(partner=other.partner, product__title="Article d'une autre boutique")

    response = client.get(shop.page.url)

    content = html.unescape(response.content.decode())
    assert "Pommeau n° 00" in content and "14.50" in content.replace(",", ".")
    assert "Article d'une autre boutique" not in content
    assert response.context["products"].paginator.count == 2


def test_shop_page_query_count_is_constant_with_24_products(client, onboard, settings):
    settings.THUMBNAIL_DUMMY = True  # no image files in tests: sorl serves placeholders
    shop = onboard("Cidrerie Lemonnier")
    add_products(shop, 2)
    with_two = queries_for(client, shop.page.url)
    add_products(shop, 22, start=2)
    with_twenty_four = queries_for(client, shop.page.url)

    assert with_twenty_four == with_two


def test_shop_index_filters_by_commune_and_category(client, onboard):
    alencon = onboard("Boutique Alençon")
    onboard("Boutique Camembert", email="camembert@example.org", commune="61071")
    index = alencon.page.get_parent()

    response = client.get(index.url, {"commune": "61071"})

    content = html.unescape(response.content.decode())
    assert "Boutique Camembert" in content and "Boutique Alençon" not in content
    assert "1 boutique" in content


def test_draft_shop_pages_are_not_public(client, onboard):
    shop = onboard("Boutique Brouillon", publish=False)
    assert client.get("/commercants/").status_code == 200
    assert "Boutique Brouillon" not in client.get("/commercants/").content.decode()
    assert client.get(f"/commercants/{shop.page.slug}/").status_code == 404


def test_a_suspended_shops_page_is_not_found(client, onboard):
    shop = onboard("Cidrerie Lemonnier")
    url = shop.page.url
    assert client.get(url).status_code == 200

    shop.is_active = False
    shop.save()

    assert client.get(url).status_code == 404
