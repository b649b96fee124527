"""One page of each public type, filled as an editor and a merchant would (browser tests)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.demo.seeding import ensure_home_translation
from orne_site.editorial.models import (
    CampaignIndexPage,
    CampaignPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from tests.factories import MerchantStockRecordFactory, WagtailImageFactory, page_add


@pytest.fixture
def site_pages():
    """One page of each public type, filled as an editor and a merchant would."""
    merchant = merchant_onboard(
        details=ShopDetails(
            name="Fromagerie du Bocage",
            commune=Commune.objects.get(insee_code="61169"),
            email="bocage@example.org",
            description="Fromages fermiers du bocage ornais.",
        ),
        password="camembert-au-lait-cru-61",
        notify=False,
    )
    records = [
        MerchantStockRecordFactory(merchant=merchant, product__title=title)
        for title in ("Camembert au lait cru", "Livarot AOP", "Pont-l'Évêque")
    ]
    home = HomePage.objects.get(locale__language_code="fr")
    campaigns = page_add(parent=home, page=CampaignIndexPage(title="Temps forts", slug="temps"))
    campaign = page_add(
        parent=campaigns,
        page=CampaignPage(
            title="Noël chez nos commerçants",
            slug="noel",
            summary="Des idées de cadeaux.",
            hero_image=WagtailImageFactory(),
            hero_image_alt="Vitrine de Noël",
            start_date=timezone.localdate() - timedelta(days=1),
            body=[
                ("rich_text", RichText("<p>Offrez local.</p>")),
                (
                    "chosen_products",
                    {"heading": "Nos idées", "products": [r.product for r in records]},
                ),
                ("chosen_shops", {"heading": "Les boutiques", "shops": [merchant.page]}),
                ("quote", {"quote": "Merci !", "author": "Une cliente"}),
                (
                    "faq",
                    {
                        "heading": "Questions",
                        "items": [{"question": "Livrez-vous ?", "answer": RichText("<p>Oui</p>")}],
                    },
                ),
                ("call_to_action", {"label": "Voir les boutiques", "page": home, "url": ""}),
            ],
        ),
    )
    news_index = page_add(parent=home, page=NewsIndexPage(title="Actualités", slug="actualites"))
    news = page_add(
        parent=news_index,
        page=NewsPage(title="Le retrait arrive", slug="retrait", summary="Commandez, retirez."),
    )
    legal = page_add(
        parent=home,
        page=StandardPage(
            title="Déclaration d'accessibilité",
            slug="accessibilite",
            body=[("rich_text", RichText("<h2>État de conformité</h2><p>Partiel.</p>"))],
        ),
    )
    ensure_home_translation()  # committed at once: this test runs outside a transaction
    return {
        "home": "/",
        "home_en": "/en/",
        "campaign_index": campaigns.url,
        "campaign": campaign.url,
        "news_index": news_index.url,
        "news": news.url,
        "legal": legal.url,
        "shop_index": merchant.page.get_parent().url,
        "shop": merchant.page.url,
        "product": records[0].product.get_absolute_url(),
        "basket": "/boutique/basket/",
        "search": "/recherche/?q=camembert",
    }
