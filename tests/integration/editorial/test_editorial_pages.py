"""Campaign, news and legal pages render, list and hide as visitors expect."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.rich_text import RichText

from orne_site.editorial.models import NewsPage, StandardPage
from tests.factories import WagtailImageFactory, page_add, products_block, shops_block

pytestmark = pytest.mark.django_db


def text(response) -> str:
    import html

    return html.unescape(response.content.decode())


def test_campaign_page_renders_its_blocks(client, campaign):
    image = WagtailImageFactory()
    page = campaign(
        hero_image=image,
        hero_image_alt="Vitrine de Noël à Alençon",
        body=[
            ("rich_text", RichText("<p>Offrez local cette année.</p>")),
            ("quote", {"quote": "Nos clients reviennent.", "author": "Mme Hébert"}),
            (
                "faq",
                {
                    "heading": "Questions fréquentes",
                    "items": [{"question": "Puis-je retirer ?", "answer": RichText("<p>Oui.</p>")}],
                },
            ),
            (
                "call_to_action",
                {"label": "Voir les boutiques", "page": None, "url": "https://x.fr"},
            ),
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    content = text(response)
    assert "<h1>Noël chez nos commerçants</h1>" in content
    assert 'alt="Vitrine de Noël à Alençon"' in content
    assert "Offrez local cette année." in content and "Nos clients reviennent." in content
    assert "<summary>Puis-je retirer ?</summary>" in content
    assert 'href="https://x.fr"' in content


def test_campaign_index_lists_current_campaigns_only(client, campaign, campaign_index):
    today = timezone.localdate()
    campaign("Les producteurs du Perche", end_date=today)
    campaign("Soldes d'été", end_date=today - timedelta(days=1))

    content = text(client.get(campaign_index.url))

    assert "Les producteurs du Perche" in content
    assert "Soldes d'été" not in content


def test_campaign_past_its_end_leaves_the_home_page(client, campaign):
    campaign("Soldes d'été", end_date=timezone.localdate() - timedelta(days=1))
    campaign("Les producteurs du Perche")

    content = text(client.get("/"))

    assert "Les producteurs du Perche" in content
    assert "Soldes d'été" not in content


def test_campaign_ending_before_it_starts_is_refused(campaign_index):
    from django.core.exceptions import ValidationError

    from orne_site.editorial.models import CampaignPage

    today = timezone.localdate()
    page = CampaignPage(title="X", start_date=today, end_date=today - timedelta(days=1))
    with pytest.raises(ValidationError):
        page.full_clean()


def test_hero_image_without_alt_text_is_refused():
    from django.core.exceptions import ValidationError

    from orne_site.editorial.models import CampaignPage

    page = CampaignPage(title="X", slug="x", hero_image=WagtailImageFactory())
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "hero_image_alt" in error.value.message_dict


def test_image_block_needs_alt_text_or_decorative():
    from wagtail.blocks import StructBlockValidationError

    from orne_site.editorial.blocks import ArticleBodyBlock

    image_block = ArticleBodyBlock().child_blocks["image"]
    image = WagtailImageFactory()
    with pytest.raises(StructBlockValidationError):
        image_block.clean({"image": image, "alt_text": "", "decorative": False, "caption": ""})
    assert image_block.clean({"image": image, "alt_text": "", "decorative": True, "caption": ""})


def test_news_index_is_paginated_newest_first(client, news_index):
    today = timezone.localdate()
    for number in range(12):
        page_add(
            parent=news_index,
            page=NewsPage(
                title=f"Actualité {number:02d}",
                summary="Résumé",
                date=today - timedelta(days=number),
            ),
        )

    first = text(client.get(news_index.url))
    second = text(client.get(news_index.url + "?page=2"))

    assert first.index("Actualité 00") < first.index("Actualité 09")
    assert "Actualité 10" not in first and "Actualité 11" in second
    assert "Page 1 sur 2" in first


def test_news_page_shows_date_summary_and_image(client, news_index):
    page = page_add(
        parent=news_index,
        page=NewsPage(
            title="Le retrait en boutique arrive",
            summary="Commandez en ligne, retirez en boutique.",
            image=WagtailImageFactory(),
            image_alt="Un commerçant tend un sac",
        ),
    )

    content = text(client.get(page.url))

    assert "Commandez en ligne, retirez en boutique." in content
    assert 'alt="Un commerçant tend un sac"' in content
    assert f'datetime="{timezone.localdate():%Y-%m-%d}"' in content


def test_standard_page_renders_under_home(client, home):
    page = page_add(
        parent=home,
        page=StandardPage(
            title="Mentions légales",
            slug="mentions-legales",
            body=[("rich_text", RichText("<p>Éditeur : Département de l'Orne.</p>"))],
        ),
    )

    response = client.get("/mentions-legales/")

    assert response.status_code == 200
    assert "Éditeur : Département de l'Orne." in text(response)
    assert page.url == "/mentions-legales/"


def test_page_types_accept_only_their_parents():
    from merchants.models import MerchantIndexPage
    from orne_site.editorial.models import (
        CampaignIndexPage,
        CampaignPage,
        HomePage,
        NewsIndexPage,
    )

    assert CampaignPage.can_create_at(CampaignIndexPage()) is True
    assert CampaignPage.can_create_at(HomePage()) is False
    assert NewsPage.can_create_at(NewsIndexPage()) is True
    assert NewsPage.can_create_at(CampaignIndexPage()) is False
    assert StandardPage.can_create_at(MerchantIndexPage()) is False


def test_home_shows_chosen_shops_and_products(client, home, shop, product_of):
    merchant = shop("Cidrerie du Perche")
    product = product_of(merchant, "Pommeau AOC")
    home.featured_shops = [("shop", merchant.page)]
    home.chosen_products = [("product", product)]
    home.save_revision().publish()

    content = text(client.get("/"))

    assert "Cidrerie du Perche" in content and merchant.page.url in content
    assert "Pommeau AOC" in content


def test_home_shows_latest_products_when_none_chosen(client, shop, product_of):
    product_of(shop("Cave Lebrun"), "Calvados hors d'âge")

    assert "Calvados hors d'âge" in text(client.get("/"))


def test_live_blocks_render_in_campaign(client, campaign, shop, product_of):
    merchant = shop("Fromagerie Hébert")
    product = product_of(merchant, "Camembert au lait cru")
    page = campaign(body=[products_block([product]), shops_block([merchant.page])])

    content = text(client.get(page.url))

    assert "Camembert au lait cru" in content and "12,90" in content
    assert "Fromagerie Hébert" in content and merchant.page.url in content


def test_index_pages_title_their_cards_as_h2_right_under_the_h1(
    client, campaign, campaign_index, news_index
):
    campaign("Les producteurs du Perche")
    page_add(parent=news_index, page=NewsPage(title="Le retrait arrive", summary="Retirez."))

    for index, title in ((campaign_index, "Les producteurs du Perche"), (news_index, "Le retrait")):
        content = text(client.get(index.url))
        assert re.search(rf'<h2 class="card__title"><a href="[^"]+">{title}', content), index


def test_a_hero_offers_four_widths_from_640_to_2048_px_with_its_box_size(client, campaign):
    # Wagtail caches renditions by image id, which a rolled-back earlier test may have used.
    cache.clear()
    page = campaign(
        hero_image=WagtailImageFactory(file__width=2048, file__height=1024),
        hero_image_alt="Vitrine de Noël",
    )

    content = text(client.get(page.url))

    (hero,) = re.findall(r'<img [^>]*class="page-hero__image"[^>]*>', content)
    widths = re.findall(r"\.webp (\d+)w", hero)
    assert widths == ["640", "1024", "1536", "2048"]
    assert 'sizes="100vw"' in hero and 'alt="Vitrine de Noël"' in hero
    assert 'width="640"' in hero and 'height="213"' in hero  # no shift while it loads
    assert "loading=" not in hero  # the largest paint is not lazy
