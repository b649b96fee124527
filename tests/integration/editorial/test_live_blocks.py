"""Live blocks read products and shops at view time, in a constant number of queries."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import products_block, shops_block

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_product_out_of_stock_disappears_without_republishing(client, campaign, shop, product_of):
    merchant = shop()
    kept = product_of(merchant, "Camembert au lait cru")
    sold_out = product_of(merchant, "Livarot AOP")
    page = campaign(body=[products_block([kept, sold_out])])
    assert "Livarot AOP" in text(client.get(page.url))

    sold_out.stockrecords.update(num_in_stock=0)

    content = text(client.get(page.url))
    assert "Livarot AOP" not in content
    assert "Camembert au lait cru" in content


def test_product_whose_stock_is_all_allocated_disappears(client, campaign, shop, product_of):
    product = product_of(shop(), "Pont-l'Évêque", num_in_stock=2)
    page = campaign(body=[products_block([product])])
    product.stockrecords.update(num_allocated=2)

    assert "Pont-l'Évêque" not in text(client.get(page.url))


def test_deactivated_product_disappears(client, campaign, shop, product_of):
    product = product_of(shop(), "Teurgoule")
    page = campaign(body=[products_block([product])])

    product.is_public = False
    product.save()

    assert "Teurgoule" not in text(client.get(page.url))


def test_products_of_a_closed_shop_disappear(client, campaign, shop, product_of):
    merchant = shop()
    product = product_of(merchant, "Cidre brut")
    page = campaign(body=[products_block([product]), shops_block([merchant.page])])

    merchant.is_active = False
    merchant.save()

    content = text(client.get(page.url))
    assert "Cidre brut" not in content
    assert merchant.name not in content


def test_deleted_shop_page_leaves_no_broken_block(client, campaign, shop):
    gone, kept = shop("Librairie Fermée"), shop("Boulangerie Ouverte")
    page = campaign(
        body=[shops_block([gone.page, kept.page]), ("rich_text", RichText("<p>Bonne visite</p>"))]
    )

    gone.page.delete()

    response = client.get(page.url)
    assert response.status_code == 200
    content = text(response)
    assert "Librairie Fermée" not in content
    assert "Boulangerie Ouverte" in content and "Bonne visite" in content


def test_unpublished_shop_page_disappears(client, campaign, shop):
    merchant = shop("Cave du Perche")
    page = campaign(body=[shops_block([merchant.page])])

    shop_page = merchant.page
    shop_page.refresh_from_db()  # onboarding's instance predates its publication
    shop_page.unpublish()

    assert "Cave du Perche" not in text(client.get(page.url))


def _queries(client, url) -> int:
    client.get(url)  # warm caches that are per-process (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_campaign_query_count_does_not_grow_with_items(client, campaign, shop, product_of):
    merchants = [shop(f"Boutique {n}") for n in range(8)]
    products = [product_of(merchants[n % 8], f"Article {n}") for n in range(16)]
    small = campaign(
        "Petite", body=[products_block(products[:1]), shops_block([merchants[0].page])]
    )
    big = campaign(
        "Grande",
        body=[
            products_block(products[:8]),
            shops_block([m.page for m in merchants[:4]]),
            products_block(products[8:]),
            shops_block([m.page for m in merchants[4:]]),
        ],
    )

    assert _queries(client, big.url) == _queries(client, small.url)


def test_campaign_page_query_budget(
    client, campaign, shop, product_of, django_assert_max_num_queries
):
    merchants = [shop(f"Boutique {n}") for n in range(6)]
    products = [product_of(merchants[n % 6], f"Article {n}") for n in range(12)]
    page = campaign(body=[products_block(products), shops_block([m.page for m in merchants])])
    client.get(page.url)

    # 26 measured (page routing, locales, live items, language links, footer settings).
    with django_assert_max_num_queries(28):
        client.get(page.url)


def test_home_query_count_does_not_grow_with_items(client, home, shop, product_of, campaign):
    merchants = [shop(f"Boutique {n}") for n in range(8)]
    products = [product_of(merchants[n], f"Article {n}") for n in range(8)]
    campaigns = [campaign(f"Campagne {n}") for n in range(3)]

    home.featured_shops = [("shop", merchants[0].page)]
    home.chosen_products = [("product", products[0])]
    home.featured_campaigns = [("campaign", campaigns[0])]
    home.save_revision().publish()
    few = _queries(client, "/")

    home.featured_shops = [("shop", m.page) for m in merchants]
    home.chosen_products = [("product", p) for p in products]
    home.featured_campaigns = [("campaign", c) for c in campaigns]
    home.save_revision().publish()
    many = _queries(client, "/")

    assert many == few
