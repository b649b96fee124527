"""Every public page type and the back offices answer with the two security policies."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.editorial.models import (
    CampaignIndexPage,
    CampaignPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from tests.factories import MerchantStockRecordFactory, page_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_pages(db):
    """One live page of each public type, and the URL of each."""
    home = HomePage.objects.get(locale__language_code="fr")
    campaigns = page_add(parent=home, page=CampaignIndexPage(title="Temps forts", slug="tf"))
    campaign = page_add(
        parent=campaigns,
        page=CampaignPage(title="Noël", start_date=timezone.localdate() - timedelta(days=1)),
    )
    news_index = page_add(parent=home, page=NewsIndexPage(title="Actualités", slug="actu"))
    news = page_add(parent=news_index, page=NewsPage(title="Ouverture", summary="Le marché."))
    legal = page_add(parent=home, page=StandardPage(title="Mentions légales", slug="mentions"))
    merchant = merchant_onboard(
        details=ShopDetails(
            name="Fromagerie Hébert",
            commune=Commune.objects.get(insee_code="61001"),
            email="hebert@example.org",
        ),
        password="un-mot-de-passe-solide-61",
        notify=False,
    )
    product = MerchantStockRecordFactory(merchant=merchant, product__title="Camembert").product
    return {
        "accueil": home.url,
        "temps forts": campaigns.url,
        "campagne": campaign.url,
        "actualités": news_index.url,
        "actualité": news.url,
        "page simple": legal.url,
        "boutiques": merchant.page.get_parent().url,
        "boutique": merchant.page.url,
        "article": product.get_absolute_url(),
        "recherche": "/recherche/?q=camembert",
        "panier": "/boutique/basket/",
        "commande": "/commande/",
        "inscription": "/espace-commercant/inscription/",
        "accueil anglais": "/en/",
        "page absente": "/cette-page-n-existe-pas/",
    }


def assert_policies(response):
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in (p.strip() for p in policy.split(";")) if part
    )
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert "'unsafe-eval'" not in directives["script-src"]
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=(self "):
        assert feature in permissions
    return directives


def test_every_public_page_type_sends_a_strict_policy(client, site_pages):
    for name, url in site_pages.items():
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (name, url, response.status_code)
        directives = assert_policies(response)
        assert "'unsafe-inline'" not in directives["script-src"], name
        assert "'unsafe-inline'" not in directives["style-src"], name


def test_public_pages_allow_the_configured_stripe_js_origin_only(client, settings):
    settings.STRIPE_JS_URL = "http://127.0.0.1:8420/js.stripe.com/v3/"

    directives = assert_policies(client.get("/"))

    assert "http://127.0.0.1:8420" in directives["script-src"].split()
    assert "http://127.0.0.1:8420" in directives["connect-src"].split()
    assert "http://127.0.0.1:8420" in directives["frame-src"].split()
    assert "https://js.stripe.com" not in directives["script-src"]


def test_inline_scripts_of_shop_pages_carry_the_policys_nonce(client):
    # The product page is ours now (no inline script); Oscar's login page still has one.
    response = client.get("/boutique/accounts/login/")

    directives = assert_policies(response)
    nonce = directives["script-src"].split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser(
        username="agent", email="agent@example.org", password="x"
    )
    client.force_login(user)
    return client


def test_wagtail_admin_home_sends_the_policies(superuser_client):
    response = superuser_client.get("/admin/")

    assert response.status_code == 200
    assert_policies(response)
