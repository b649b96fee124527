"""Shoppers who bought something: a paid checkout with its order, placed by the real services."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from oscar.core.loading import get_model

from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import FulfilmentMode
from commerce.order.services import checkout_create, checkout_place_orders
from commerce.partner.strategy import Selector
from merchants.models import Commune
from tests.factories import MerchantFactory, MerchantStockRecordFactory

Basket = get_model("basket", "Basket")
NOW = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture(autouse=True)
def empty_cache():
    # The request form's rate limits count in the cache, shared by every test of the run.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def delivering_shop(db):
    home = Commune.objects.get(insee_code="61001")
    shop = MerchantFactory(
        name="Fromagerie Hébert",
        offers_delivery=True,
        delivery_fee=Decimal("4.50"),
        free_delivery_threshold=None,
        delivery_lead_days=2,
    )
    shop.delivery_communes.set([home])
    return shop


@pytest.fixture
def purchase(delivering_shop):
    """purchase(email, first_name=…, …) -> a placed checkout delivered to that shopper."""
    home = Commune.objects.get(insee_code="61001")

    def make(email, *, first_name="Marie", last_name="Lefèvre", phone="0233000000", user=None):
        record = MerchantStockRecordFactory(
            merchant=delivering_shop, price_incl_tax=Decimal("6.20"), num_in_stock=10
        )
        basket = Basket.objects.create(owner=user)
        basket.strategy = Selector().strategy()
        basket.add_product(record.product, 2)
        plan = checkout_plan_build(
            groups=basket_groups_by_merchant(basket=basket),
            choices={delivering_shop.pk: FulfilmentChoice(mode=FulfilmentMode.DELIVERY)},
            commune=home,
            now=NOW,
        )
        checkout = checkout_create(
            plan=plan,
            email=email,
            basket=basket,
            user=user,
            shipping_address={
                "first_name": first_name,
                "last_name": last_name,
                "line1": "3 rue aux Sieurs",
                "postcode": "61000",
                "city": "Alençon",
                "phone": phone,
            },
        )
        checkout_place_orders(checkout_id=checkout.pk)
        checkout.refresh_from_db()
        return checkout

    return make
