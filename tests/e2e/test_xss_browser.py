"""A merchant's markup runs nothing in a shopper's (or a superuser's) browser.

The payload sets window flags from a <script>, an <img onerror> and a javascript: link; the
flags must stay undefined on every page that shows the article, and the policy must block
an inline script injected into the page.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.editorial.models import CampaignIndexPage, CampaignPage, HomePage
from tests.factories import MerchantStockRecordFactory, page_add

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PAYLOAD = (
    "<p>Camembert moulé à la louche.</p>"
    "<script>window.__xss_script = 1</script>"
    '<img src="/pas-une-image.png" onerror="window.__xss_img = 1">'
    '<p><a id="lien-piege" href="javascript:window.__xss_link = 1">Voir la ferme</a></p>'
)
FLAGS = ("__xss_script", "__xss_img", "__xss_link", "__xss_title")


@pytest.fixture
def trapped_product(db):
    merchant = merchant_onboard(
        details=ShopDetails(
            name="Fromagerie Piégée",
            commune=Commune.objects.get(insee_code="61001"),
            email="piege@example.org",
        ),
        password="un-mot-de-passe-solide-61",
        notify=False,
    )
    return MerchantStockRecordFactory(
        merchant=merchant,
        product__title='Camembert <img src=x onerror="window.__xss_title = 1">',
        product__description=PAYLOAD,
    ).product


def flags_set(page) -> dict:
    # Give the broken image time to fail (its onerror would fire then).
    page.wait_for_load_state("networkidle")
    return {flag: page.evaluate(f"typeof window.{flag}") for flag in FLAGS}


NOTHING_RAN = {flag: "undefined" for flag in FLAGS}


def test_description_runs_nothing_on_the_product_page(live_server, page, trapped_product):
    page.goto(live_server.url + trapped_product.get_absolute_url())

    assert page.get_by_text("Camembert moulé à la louche.").is_visible()
    link = page.locator(".product__description a", has_text="Voir la ferme")
    assert link.count() == 1
    assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    link.click()
    assert flags_set(page) == NOTHING_RAN


def test_product_runs_nothing_on_the_search_page(live_server, page, trapped_product):
    page.goto(live_server.url + "/recherche/?q=camembert")

    assert page.locator(".search-result").count() == 1
    assert flags_set(page) == NOTHING_RAN


def test_product_runs_nothing_in_a_campaigns_chosen_products(live_server, page, trapped_product):
    home = HomePage.objects.get(locale__language_code="fr")
    index = page_add(parent=home, page=CampaignIndexPage(title="Temps forts", slug="tf"))
    campaign = page_add(
        parent=index,
        page=CampaignPage(
            title="Fromages de Noël",
            start_date=timezone.localdate() - timedelta(days=1),
            body=[("chosen_products", {"heading": "Nos idées", "products": [trapped_product]})],
        ),
    )

    page.goto(live_server.url + campaign.url)

    assert page.locator(".product-card").count() == 1
    assert flags_set(page) == NOTHING_RAN


INJECT = """() => new Promise((resolve) => {
    document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective));
    const script = document.createElement("script");
    script.textContent = "window.__injected = 1";
    document.body.appendChild(script);
    setTimeout(() => resolve(null), 2000);
})"""


def test_policy_blocks_an_inline_script_injected_into_a_public_page(live_server, page):
    response = page.goto(live_server.url + "/")

    assert "object-src 'none'" in response.headers["content-security-policy"]
    assert page.evaluate(INJECT) == "script-src-elem"
    assert page.evaluate("typeof window.__injected") == "undefined"


def test_admin_page_sends_the_policy_and_blocks_scripts_from_other_hosts(live_server, page):
    response = page.goto(live_server.url + "/admin/login/")

    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    violated = page.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener("securitypolicyviolation", (e) => resolve(e.blockedURI));
            const script = document.createElement("script");
            script.src = "https://pirate.example/vol.js";
            document.body.appendChild(script);
            setTimeout(() => resolve(null), 2000);
        })"""
    )
    assert violated == "https://pirate.example/vol.js"
