from datetime import timedelta

import pytest
from django.utils import timezone

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.editorial.models import (
    CampaignIndexPage,
    CampaignPage,
    HomePage,
    NewsIndexPage,
)
from tests.factories import MerchantStockRecordFactory, page_add


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def campaign_index(home):
    return page_add(parent=home, page=CampaignIndexPage(title="Temps forts", slug="campagnes"))


@pytest.fixture
def news_index(home):
    return page_add(parent=home, page=NewsIndexPage(title="Actualités", slug="actualites"))


@pytest.fixture
def shop(db):
    """A shop onboarded through the real service: merchant, partner and live page."""
    counter = iter(range(1000))

    def make(name: str = "Fromagerie Hébert"):
        return merchant_onboard(
            details=ShopDetails(
                name=name,
                commune=Commune.objects.get(insee_code="61001"),
                email=f"shop{next(counter)}-{name.split()[0].lower()}@example.org",
            ),
            password="un-mot-de-passe-solide-61",
            notify=False,
        )

    return make


@pytest.fixture
def product_of(db):
    def make(merchant, title: str, **kwargs):
        return MerchantStockRecordFactory(merchant=merchant, product__title=title, **kwargs).product

    return make


@pytest.fixture
def campaign(campaign_index):
    """Make a live campaign under the index with the given body."""

    def make(title: str = "Noël chez nos commerçants", *, body=(), **fields):
        fields.setdefault("start_date", timezone.localdate() - timedelta(days=3))
        return page_add(
            parent=campaign_index,
            page=CampaignPage(title=title, body=list(body), **fields),
        )

    return make


def products_block(products, heading="Nos idées cadeaux"):
    return ("chosen_products", {"heading": heading, "products": list(products)})


def shops_block(pages, heading="Les boutiques"):
    return ("chosen_shops", {"heading": heading, "shops": list(pages)})
