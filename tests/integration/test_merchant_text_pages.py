"""Merchants' text reaches the public pages through the one sanitiser, never raw."""

import pytest
from wagtail.rich_text import RichText

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from tests.factories import MerchantStockRecordFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>Bonjour<script>window.pwned = 1</script><img src=x onerror="window.pwned = 1"></p>'
    '<p><a href="javascript:window.pwned = 1">piège</a> <a href="https://orne.fr/">ok</a></p>'
)


@pytest.fixture
def merchant(db):
    return merchant_onboard(
        details=ShopDetails(
            name="Fromagerie Hébert",
            commune=Commune.objects.get(insee_code="61001"),
            email="hebert@example.org",
        ),
        password="un-mot-de-passe-solide-61",
        notify=False,
    )


def test_product_page_prints_the_description_through_the_sanitiser(client, merchant):
    product = MerchantStockRecordFactory(merchant=merchant, product__description=HOSTILE).product

    content = client.get(product.get_absolute_url()).content.decode()

    assert "<script>window.pwned" not in content
    assert "onerror" not in content
    assert 'href="javascript:' not in content
    assert '<a href="https://orne.fr/" rel="noopener nofollow">ok</a>' in content


def test_product_page_keeps_a_plain_descriptions_line_breaks(client, merchant):
    product = MerchantStockRecordFactory(
        merchant=merchant, product__description="Lait cru < 60 jours.\nAffiné en cave."
    ).product

    content = client.get(product.get_absolute_url()).content.decode()

    assert "<p>Lait cru &lt; 60 jours.<br>Affiné en cave.</p>" in content


def test_shop_page_rich_text_saved_outside_the_editor_is_sanitised(client, merchant):
    page = merchant.page
    page.body = [("rich_text", RichText(HOSTILE))]
    page.save_revision().publish()

    content = client.get(page.url).content.decode()

    assert "<script>window.pwned" not in content
    assert "onerror" not in content
    assert 'href="javascript:' not in content
    assert "Bonjour" in content and 'href="https://orne.fr/"' in content
