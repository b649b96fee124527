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
from orne_site.figures.models import PublicFigures
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
    # The results page as the daily task leaves it: months and intercommunalities, one merged.
    PublicFigures.objects.create(computed_at=timezone.now(), data=PUBLIC_FIGURES)
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
        "figures": "/chiffres/",
        "figures_en": "/en/chiffres/",
    }


PUBLIC_FIGURES = {
    "shops": 42,
    "articles": 1234,
    "min_shops": 3,
    "total": {"key": "total", "shops": 12, "orders": 310, "amount": "12345.60"},
    "months": [
        {"key": "2026-10", "shops": 8, "orders": 120, "amount": "4500.00"},
        {"key": "2026-11", "shops": 12, "orders": 190, "amount": "7845.60"},
    ],
    "intercommunalities": [
        {
            "key": "246100663",
            "label": "CU d'Alençon",
            "shops": 7,
            "orders": 200,
            "amount": "8000.00",
        },
        {"key": "", "label": "", "shops": 5, "orders": 110, "amount": "4345.60"},
    ],
}
