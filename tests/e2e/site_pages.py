"""One page of each public type, filled as an editor and a merchant would (browser tests),
and a shopper's own pages (basket, choices, payment, confirmation, follow-up)."""

from datetime import time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from wagtail.rich_text import RichText

from checkout.follow import checkout_follow_path
from commerce.order.models import Checkout
from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from orne_site.demo.images import product_photo_jpeg
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
from tests.factories import (
    MerchantStockRecordFactory,
    WagtailImageFactory,
    category,
    merchant_hours_set,
    page_add,
)
from tests.payments import VISA, pay

ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


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
    # Open every day all day: a pickup slot exists whenever the test runs.
    merchant_hours_set(merchant=merchant, hours=[(day, time(0), time(23, 59)) for day in range(7)])
    cheeses = category("Fromages", "fromages", parent=category("Alimentation", "alimentation"))
    records = [
        MerchantStockRecordFactory(merchant=merchant, product__title=title, category=cheeses)
        for title in ("Camembert au lait cru", "Livarot AOP", "Pont-l'Évêque")
    ]
    # The first article has its photo, the others show the "no photo" drawing.
    ProductImage.objects.create(
        product=records[0].product,
        original=SimpleUploadedFile(
            "camembert.jpg", product_photo_jpeg(title="Camembert", subtitle="Bocage")
        ),
    )
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
        "category_listing": f"/recherche/?category={cheeses.slug}",
        "basket": "/boutique/basket/",
        "search": "/recherche/?q=camembert",
        "signup": "/espace-commercant/inscription/",
        "figures": "/chiffres/",
        "figures_en": "/en/chiffres/",
        # Under /en/: untranslated pages are the French ones with a notice (never a 404).
        "shop_en": f"/en{merchant.page.url}",
        "product_en": f"/en{records[0].product.get_absolute_url()}",
        "search_en": "/en/recherche/?q=camembert",
        "legal_en": f"/en{legal.url}",
    }


def _cookie(client: Client) -> str:
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())


def _choose_pickup(client: Client, record) -> None:
    """Basket of one article, collected at the shop's first slot: on the payment page."""
    client.post(reverse("basket:add", args=[record.product.pk]), {"quantity": 2})
    start = client.get(reverse("orne_checkout:start"), {"commune": "61169"})
    merchant_pk = record.partner.merchant.pk
    slot = start.context["form"].fields[f"slot_{merchant_pk}"].choices[1][0]
    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "phone": "02 33 12 34 56",
            "first_name": "Marie",
            "last_name": "Lefèvre",
            "accept_terms": "on",
            f"mode_{merchant_pk}": "click_collect",
            f"slot_{merchant_pk}": slot,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert client.get(reverse("orne_checkout:payment")).status_code == 200


@pytest.fixture
def shopper_pages(site_pages, stripe_settings):
    """A shopper's own pages, each with the Cookie header of the browser that sees it.

    Two browsers: one stopped on the payment page (its basket, choices and payment page
    stay as they are), one that paid (its confirmation and follow-up pages).
    """
    record = StockRecord.objects.select_related("partner__merchant").get(
        product__title="Camembert au lait cru"
    )
    paying, paid = Client(), Client()
    _choose_pickup(paying, record)
    _choose_pickup(paid, record)
    assert pay(paid, VISA)["status"] == "succeeded"
    confirmation = paid.get(reverse("orne_checkout:return"))
    assert confirmation.status_code == 302, confirmation
    checkout = Checkout.objects.get(status=Checkout.Status.PLACED)
    return {
        "basket_lines": ("/boutique/basket/", _cookie(paying)),
        "checkout": (reverse("orne_checkout:start"), _cookie(paying)),
        "payment": (reverse("orne_checkout:payment"), _cookie(paying)),
        "confirmation": (confirmation["Location"], _cookie(paid)),
        "follow": (checkout_follow_path(checkout=checkout), ""),
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
