"""Demo editorial content: campaigns, news, legal pages, footer settings, translations.

Steps of `editorial_demo_seed` (idempotent: every page is found again by its slug):
1. the campaign and news index pages and the legal pages under the French home page;
2. two campaigns, one with each live block (chosen products, chosen shops), and five news;
3. the home page's hero image, call to action and featured campaigns and shops; the two
   hero images drawn 2048 px wide (again, if an older seed drew them smaller);
4. the footer settings (legal links, contact, social network);
5. English translations of the home page, the campaign index and the Christmas campaign;
6. the editorial workflow, now also on the English home page.
"""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from merchants.models import MerchantIndexPage, MerchantPage
from orne_site.demo import editorial_content as content
from orne_site.demo.images import HERO_SIZE, hero_jpeg, product_photo_jpeg
from orne_site.editorial.models import (
    CampaignIndexPage,
    CampaignPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)
from orne_site.editorial.selectors import product_list_on_sale
from orne_site.editorial.translation import page_translate
from orne_site.editorial.workflow import editorial_workflow_setup

Product = get_model("catalogue", "Product")
CHOSEN_PRODUCTS = 6
CHOSEN_SHOPS = 4
HOME_HERO = "Panier de produits de l'Orne"
CHRISTMAS_HERO = "Vitrine de Noël"


def editorial_demo_seed() -> None:
    home = HomePage.objects.filter(locale__language_code="fr").first()
    if home is None:
        return
    campaigns = _ensure_page(
        home,
        CampaignIndexPage,
        "temps-forts",
        "Temps forts",
        intro=("Les campagnes du Département pour soutenir le commerce de l'Orne."),
    )
    news = _ensure_page(home, NewsIndexPage, "actualites", "Actualités")
    legal = [
        _ensure_page(home, StandardPage, slug, title, body=_rich_blocks(paragraphs))
        for slug, title, paragraphs in content.LEGAL_PAGES
    ]
    christmas = _ensure_christmas(campaigns)
    _ensure_perche(campaigns)
    _ensure_news(news)
    home_changed = _ensure_home_features(home, campaigns, christmas)
    _ensure_footer(legal)
    for title in (HOME_HERO, CHRISTMAS_HERO):  # demos seeded before heroes were 2048 px
        _demo_image(title, hero=True)
    _ensure_translations(home, campaigns, christmas, home_changed=home_changed)
    editorial_workflow_setup()


def _ensure_page(parent: Page, model, slug: str, title: str, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _demo_image(title: str, *, hero: bool = False):
    """A Wagtail image drawn locally (no network), found again by its title.

    A hero is drawn 2048 px wide, for its largest rendition; one drawn smaller by an older
    seed is drawn again (its renditions go with the old file)."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None and (not hero or image.width >= HERO_SIZE[0]):
        return image
    draw = hero_jpeg if hero else product_photo_jpeg
    file = ImageFile(
        io.BytesIO(draw(title=title, subtitle="Marché de l'Orne")),
        name=f"demo-{slugify(title)}.jpg",
    )
    if image is None:
        return Image.objects.create(title=title, file=file)
    image.renditions.all().delete()
    image.file.delete(save=False)
    image.file = file  # the field's descriptor measures the new width and height
    image.file_size, image.file_hash = None, ""  # the hash is computed again when asked
    image.save()
    return image


def _rich_blocks(paragraphs: list[str]) -> list:
    return [("rich_text", RichText(paragraph)) for paragraph in paragraphs]


def _ensure_christmas(index: CampaignIndexPage) -> CampaignPage:
    data = content.CHRISTMAS
    existing = CampaignPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    # The first products on sale, in a stable order, so two runs choose the same ones.
    products = list(product_list_on_sale().order_by("code", "pk")[:CHOSEN_PRODUCTS])
    today = timezone.localdate()
    body = [
        ("rich_text", RichText(data["intro"])),
        ("chosen_products", {"heading": data["products_heading"], "products": products}),
        ("quote", {"quote": data["quote"], "author": data["quote_author"]}),
        (
            "faq",
            {
                "heading": data["faq_heading"],
                "items": [
                    {"question": question, "answer": RichText(answer)}
                    for question, answer in data["faq"]
                ],
            },
        ),
    ]
    merchant_index = MerchantIndexPage.objects.child_of(index.get_parent()).first()
    if merchant_index is not None:
        body.append(("call_to_action", {"label": data["cta"], "page": merchant_index, "url": ""}))
    return _ensure_page(
        index,
        CampaignPage,
        data["slug"],
        data["title"],
        summary=data["summary"],
        hero_image=_demo_image(CHRISTMAS_HERO, hero=True),
        hero_image_alt="Vitrine de Noël d'une boutique de l'Orne",
        start_date=today - timedelta(days=7),
        end_date=today + timedelta(days=60),
        body=body,
    )


def _ensure_perche(index: CampaignIndexPage) -> CampaignPage:
    data = content.PERCHE
    shops = list(MerchantPage.objects.live().order_by("path")[:CHOSEN_SHOPS])
    return _ensure_page(
        index,
        CampaignPage,
        data["slug"],
        data["title"],
        summary=data["summary"],
        start_date=timezone.localdate() - timedelta(days=14),
        body=[
            ("rich_text", RichText(data["intro"])),
            ("chosen_shops", {"heading": data["shops_heading"], "shops": shops}),
            (
                "saved_search",
                {
                    "heading": "Cidres et calvados du pays",
                    "query": "",
                    "category": "cidre-et-calvados",
                    "commune": "",
                    "intercommunality": "",
                    "limit": 8,
                },
            ),
        ],
    )


def _ensure_news(index: NewsIndexPage) -> None:
    today = timezone.localdate()
    for slug, title, summary, body, days_ago in content.NEWS:
        _ensure_page(
            index,
            NewsPage,
            slug,
            title,
            summary=summary,
            date=today - timedelta(days=days_ago),
            body=[("rich_text", RichText(body))],
        )


def _ensure_home_features(home: HomePage, campaigns: Page, christmas: CampaignPage) -> bool:
    """Fill the home page's hero and features once; say whether it changed."""
    home = home.specific
    if home.cta_page_id:
        return False
    home.hero_image = _demo_image(HOME_HERO, hero=True)
    home.hero_image_alt = "Un panier garni de produits de l'Orne"
    home.cta_label = "Découvrir les temps forts"
    home.cta_page = campaigns
    home.featured_campaigns = [("campaign", christmas)]
    home.featured_shops = [
        ("shop", page) for page in MerchantPage.objects.live().order_by("path")[:CHOSEN_SHOPS]
    ]
    home.save_revision().publish()
    return True


def _ensure_footer(legal: list[Page]) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = SiteSettings.for_site(site)
    if settings.footer_links:
        return
    settings.footer_links = [("page", {"page": page}) for page in legal]
    settings.social_links = [
        ("social", {"network": "facebook", "url": "https://www.facebook.com/orne.departement"})
    ]
    settings.contact_email = "marche@orne.invalid"
    settings.contact_phone = "02 33 81 60 00"
    settings.contact_address = "Hôtel du Département\n27 boulevard de Strasbourg\n61000 Alençon"
    settings.save()


def _ensure_translations(home, campaigns, christmas, *, home_changed: bool) -> None:
    def missing(page) -> bool:
        return not page.get_translations().filter(locale__language_code="en").exists()

    if home_changed or missing(home):
        page_translate(
            page=home,
            language_code="en",
            strings={**content.HOME_PAGE_ENGLISH, **content.HOME_ENGLISH_EXTRA},
        )
    if missing(campaigns):
        page_translate(page=campaigns, language_code="en", strings=content.CAMPAIGN_INDEX_ENGLISH)
    if missing(christmas):
        page_translate(page=christmas, language_code="en", strings=content.CHRISTMAS_ENGLISH)
