"""A word in an article's title outranks the same word in its shop's name and commune."""

import pytest

from search.query import ProductQuery
from search.selectors import product_search

pytestmark = pytest.mark.django_db

SOLD_BY = "Préparé et vendu par {shop}, à {town}. Livraison ou retrait en boutique."


def test_title_match_ranks_before_shop_and_commune_matches(indexed, shop, product):
    with indexed():
        bakery = shop(name="Au Fournil de Camembert", commune_code="61071")
        for number in range(12):
            product(
                f"Pain de campagne n° {number}",
                merchant=bakery,
                description=SOLD_BY.format(shop=bakery.name, town="Camembert"),
            )
        cheese_shop = shop(name="Fromagerie Lebrun")
        product(
            "Camembert de Normandie AOP au lait cru",
            merchant=cheese_shop,
            description="Camembert de Normandie AOP au lait cru (250 g). Fromages normands "
            "affinés sur place, au lait cru des fermes voisines. "
            + SOLD_BY.format(shop=cheese_shop.name, town="Alençon"),
        )

    page = product_search(query=ProductQuery(text="camembert"))

    assert page.count == 13
    assert page.hits[0].title == "Camembert de Normandie AOP au lait cru"
