"""The public pages and back offices answer, in French at the root and English under /en/."""

import html
import re

import pytest
from oscar.core.loading import get_class

from merchants.strategy import Marketplace
from orne_site.demo.seeding import ensure_home_translation
from orne_site.editorial.models import HomePage
from tests.factories import MerchantFactory, StockRecordFactory

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_home_page_renders_in_french_with_search_box(client):
    merchant = MerchantFactory(name="Fromagerie Lebrun")

    response = client.get("/")

    assert response.status_code == 200
    assert html_lang(response) == "fr"
    content = response.content.decode()
    content = html.unescape(content)
    assert "Achetez local, dans toute l'Orne" in content
    assert 'role="search"' in content and 'type="search"' in content
    assert merchant.name in content and "Alençon" in content
    assert 'href="#contenu"' in content  # skip link
    assert "<main" in content and "<footer" in content


@pytest.fixture
def english_home(django_capture_on_commit_callbacks):
    # wagtail-localize publishes the translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        ensure_home_translation()
    return HomePage.objects.get(locale__language_code="en")


def test_home_page_renders_in_english_under_en(client, english_home):

    response = client.get("/en/")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    content = response.content.decode()
    assert "Shop local, all over the Orne" in content
    assert "Skip to content" in content  # interface strings are translated too


def test_english_home_is_a_wagtail_localize_translation_of_the_french_one(english_home):
    french = HomePage.objects.get(locale__language_code="fr")
    assert english_home.translation_key == french.translation_key
    assert english_home.live
    assert english_home.hero_title == "Shop local, all over the Orne"


def test_wagtail_admin_login_page(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_an_empty_basket_says_so_and_leads_to_the_articles(client):
    StockRecordFactory()
    response = client.get("/boutique/basket/")

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "<h1>Votre panier</h1>" in page
    assert "Votre panier est vide." in page
    assert 'href="/boutique/catalogue/">Découvrir les articles</a>' in page
    assert "Choisir livraison ou retrait" not in page


def test_oscar_catalogue_browse_leads_to_the_product_search(client):
    response = client.get("/boutique/catalogue/")
    assert response.status_code == 302
    assert response["Location"] == "/recherche/"


def test_product_page_shows_price_including_vat_in_french_format(client):
    record = StockRecordFactory(product__title="Livarot AOP")

    response = client.get(record.product.get_absolute_url())

    assert response.status_code == 200
    assert "12,90\u202f€" in response.content.decode()


def test_oscar_search_leads_to_the_product_search_with_the_words(client):
    response = client.get("/boutique/search/", {"q": "pommeau"})
    assert response.status_code == 302
    assert response["Location"] == "/recherche/?q=pommeau"


def test_strategy_charges_the_stored_price_including_vat():
    record = StockRecordFactory(price_incl_tax="12.90", vat_rate="5.5")
    info = get_class("partner.strategy", "Selector")().strategy().fetch_for_product(record.product)
    assert str(info.price.incl_tax) == "12.90"
    assert str(info.price.excl_tax) == "12.23"


def test_oscar_dashboard_is_not_installed(client, django_user_model):
    superuser = django_user_model.objects.create_superuser("chef", "chef@orne.invalid", "x")
    client.force_login(superuser)

    paths = ("/boutique/dashboard/", "/boutique/dashboard/catalogue/", "/en/boutique/dashboard/")
    assert [client.get(path).status_code for path in paths] == [404, 404, 404]


def test_staff_logging_in_as_shoppers_land_in_the_admin(client, django_user_model):
    django_user_model.objects.create_user(
        "agent", "agent@orne.invalid", "x-61-secret", is_staff=True
    )
    response = client.post(
        "/boutique/accounts/login/",
        {
            "login-username": "agent@orne.invalid",
            "login-password": "x-61-secret",
            "login_submit": "1",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_strategy_selector_gives_the_marketplace_strategy():
    assert isinstance(get_class("partner.strategy", "Selector")().strategy(), Marketplace)


def test_oscar_pages_a_staff_member_still_reaches_render_without_the_dashboard(
    client, django_user_model
):
    # Oscar's own templates link to the dashboard for staff: none that we render may.
    staff = django_user_model.objects.create_user("agent", "agent@orne.invalid", "x", is_staff=True)
    client.force_login(staff)
    record = StockRecordFactory(product__title="Livarot AOP")

    for path in (
        "/boutique/offers/",
        "/boutique/accounts/profile/",
        "/boutique/accounts/orders/",
        record.product.get_absolute_url(),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "/dashboard/" not in response.content.decode(), path


@pytest.mark.parametrize("path", ["/", "/recherche/?q=camembert", "/boutique/basket/"])
def test_the_search_suggestions_script_is_loaded_once_per_page(client, path):
    content = client.get(path).content.decode()

    assert content.count("product_search/autocomplete.js") == 1
