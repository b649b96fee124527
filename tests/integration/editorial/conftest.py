from datetime import timedelta

import pytest
from django.utils import timezone

from orne_site.editorial.models import (
    CampaignIndexPage,
    CampaignPage,
    HomePage,
    NewsIndexPage,
)
from tests.factories import MerchantStockRecordFactory, page_add, shop_onboard


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

    def make(name: str = "Fromagerie Hébert"):
        return shop_onboard(name=name)

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
