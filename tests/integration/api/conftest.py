import pytest
from django.core.cache import cache

from merchants.models import MerchantCategory
from tests.factories import MerchantFactory, MerchantStockRecordFactory, category, commune


@pytest.fixture
def api_settings(settings):
    settings.API_RATE_LIMIT = "100000/minute"
    cache.clear()
    return settings


@pytest.fixture
def catalogue(db, api_settings, django_capture_on_commit_callbacks):
    """Two active shops in two communes and intercommunalities, one closed shop, indexed
    for the search through the same after-commit path as in production."""
    with django_capture_on_commit_callbacks(execute=True):
        return _catalogue()


def _catalogue():
    cheese = category("Fromages", "fromages")
    alencon = MerchantFactory(
        name="Fromagerie d'Alençon",
        slug="fromagerie-alencon",
        commune=commune("61001"),
        category=MerchantCategory.FROMAGERIE,
        offers_delivery=True,
        offers_click_collect=False,
    )
    other = commune("61214")
    bakery = MerchantFactory(
        name="Boulangerie du Perche",
        slug="boulangerie-perche",
        commune=other,
        category=MerchantCategory.BOULANGERIE,
    )
    MerchantFactory(name="Fermée", slug="fermee", is_active=False)
    camembert = MerchantStockRecordFactory(
        merchant=alencon, product__title="Camembert fermier", category=cheese
    )
    MerchantStockRecordFactory(merchant=bakery, product__title="Pain de campagne")
    return {"alencon": alencon, "bakery": bakery, "camembert": camembert.product, "other": other}
