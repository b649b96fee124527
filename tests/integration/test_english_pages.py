"""Every public page type answers under /en/: translated, or French with a notice."""

import pytest
from wagtail.rich_text import RichText

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.demo.seeding import ensure_home_translation
from orne_site.editorial.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from tests.factories import MerchantStockRecordFactory, page_add

pytestmark = pytest.mark.django_db
# The notice is in the visitor's language (English under /en/); the content stays French.
NOTICE = "This page has not been translated yet: here is the French version."
FRENCH_NOTICE = "pas encore traduite : voici sa version française."


@pytest.fixture
def french_pages():
    merchant = merchant_onboard(
        details=ShopDetails(
            name="Fromagerie du Bocage",
            commune=Commune.objects.get(insee_code="61169"),
            email="bocage@example.org",
        ),
        password="camembert-au-lait-cru-61",
        notify=False,
    )
    record = MerchantStockRecordFactory(merchant=merchant, product__title="Livarot AOP")
    home = HomePage.objects.get(locale__language_code="fr")
    news_index = page_add(parent=home, page=NewsIndexPage(title="Actualités", slug="actualites"))
    news = page_add(
        parent=news_index, page=NewsPage(title="Le retrait", slug="retrait", summary="Commandez.")
    )
    legal = page_add(
        parent=home,
        page=StandardPage(
            title="Mentions légales",
            slug="mentions-legales",
            body=[("rich_text", RichText("<p>Éditeur : le Département.</p>"))],
        ),
    )
    ensure_home_translation()
    return {
        "shop_index": merchant.page.get_parent().url,
        "shop": merchant.page.url,
        "news_index": news_index.url,
        "news": news.url,
        "legal": legal.url,
        "product": record.product.get_absolute_url(),
        "search": "/recherche/?q=livarot",
        "basket": "/boutique/basket/",
    }


def test_every_page_type_answers_under_en(client, french_pages):
    statuses = {name: client.get("/en" + url).status_code for name, url in french_pages.items()}

    assert statuses == {name: 200 for name in french_pages}


def test_an_untranslated_page_shows_its_french_content_with_a_notice(client, french_pages):
    response = client.get("/en" + french_pages["legal"])

    text = response.content.decode()
    assert NOTICE in text and "Éditeur : le Département." in text
    assert '<main id="contenu" tabindex="-1" lang="fr">' in text
    assert '<html lang="en">' in text


def test_the_switcher_keeps_the_visitor_on_the_same_page(client, french_pages):
    french = client.get(french_pages["shop"]).content.decode()
    english = client.get("/en" + french_pages["shop"]).content.decode()

    assert f'href="/en{french_pages["shop"]}" hreflang="en"' in french
    assert f'href="{french_pages["shop"]}" hreflang="fr"' in english


def test_a_page_that_exists_in_no_language_is_still_not_found(client, french_pages):
    assert client.get("/en/cette-page-n-existe-pas/").status_code == 404
    french = client.get(french_pages["legal"]).content.decode()
    assert NOTICE not in french and FRENCH_NOTICE not in french
