"""Every editorial page type translates to English through wagtail-localize and renders
under /en/, with its interface in English."""

import html

import pytest
from wagtail.rich_text import RichText

from orne_site.demo.seeding import ensure_home_translation
from orne_site.editorial.models import NewsPage, StandardPage
from orne_site.editorial.translation import page_translate
from tests.factories import page_add, products_block, shops_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def translate(home, django_capture_on_commit_callbacks):
    """Translate a page (its parents first, as an editor would) and return the English page."""
    with django_capture_on_commit_callbacks(execute=True):
        ensure_home_translation()

    def run(page, strings):
        with django_capture_on_commit_callbacks(execute=True):
            english = page_translate(page=page, language_code="en", strings=strings)
        return english

    return run


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_campaign_renders_in_english_with_its_live_blocks(
    client, translate, campaign_index, campaign, shop, product_of
):
    merchant = shop("Fromagerie Hébert")
    product = product_of(merchant, "Camembert au lait cru")
    page = campaign(
        "Noël chez nos commerçants",
        summary="Offrez local.",
        body=[
            ("rich_text", RichText("<p>Cette année, offrez local.</p>")),
            products_block([product], heading="Nos idées cadeaux"),
            shops_block([merchant.page], heading="Les boutiques"),
            (
                "faq",
                {
                    "heading": "Questions fréquentes",
                    "items": [{"question": "Livrez-vous ?", "answer": RichText("<p>Oui.</p>")}],
                },
            ),
        ],
    )
    translate(campaign_index, {"Temps forts": "Highlights"})
    english = translate(
        page,
        {
            "Noël chez nos commerçants": "Christmas at our local shops",
            "Offrez local.": "Give local.",
            "Cette année, offrez local.": "This year, give local.",
            "Nos idées cadeaux": "Our gift ideas",
            "Les boutiques": "The shops",
            "Questions fréquentes": "FAQ",
            "Livrez-vous ?": "Do you deliver?",
            "Oui.": "Yes.",
        },
    )

    response = client.get(english.url)

    assert english.url.startswith("/en/")
    assert response.status_code == 200
    content = text(response)
    assert '<html lang="en">' in content
    for english_text in (
        "Christmas at our local shops",
        "This year, give local.",
        "Do you deliver?",
    ):
        assert english_text in content
    # Product and shop names are proper nouns: shown as the merchant wrote them.
    assert "Camembert au lait cru" in content and "Fromagerie Hébert" in content
    assert "Since " in content  # the interface string, from locale/en


def test_campaign_index_lists_english_campaigns(client, translate, campaign_index, campaign):
    page = campaign("Les producteurs du Perche")
    english_index = translate(campaign_index, {"Temps forts": "Highlights"})
    translate(page, {"Les producteurs du Perche": "Perche farmers"})

    content = text(client.get(english_index.url))

    assert "Perche farmers" in content
    assert "Les producteurs du Perche" not in content


def test_news_renders_in_english(client, translate, news_index):
    page = page_add(
        parent=news_index,
        page=NewsPage(title="Le retrait en boutique arrive", summary="Commandez, retirez."),
    )
    english_index = translate(news_index, {"Actualités": "News"})
    english = translate(page, {"Le retrait en boutique arrive": "Click & collect is here"})

    assert "Click & collect is here" in text(client.get(english_index.url))
    content = text(client.get(english.url))
    assert "Click & collect is here" in content and '<html lang="en">' in content


def test_standard_page_renders_in_english(client, translate, home):
    page = page_add(
        parent=home,
        page=StandardPage(
            title="Mentions légales",
            slug="mentions-legales",
            body=[("rich_text", RichText("<p>Éditeur : Département de l'Orne.</p>"))],
        ),
    )
    english = translate(
        page,
        {"Mentions légales": "Legal notice", "Éditeur : Département de l'Orne.": "Publisher: Orne"},
    )

    content = text(client.get(english.url))

    assert english.url.startswith("/en/")
    assert "Legal notice" in content and "Publisher: Orne" in content


def test_english_home_shows_english_campaign(client, translate, campaign_index, campaign, home):
    page = campaign("Les producteurs du Perche")
    home.featured_campaigns = [("campaign", page)]
    home.save_revision().publish()
    translate(campaign_index, {"Temps forts": "Highlights"})
    translate(page, {"Les producteurs du Perche": "Perche farmers"})
    translate(home, {})

    content = text(client.get("/en/"))

    assert "Perche farmers" in content
    assert "Les producteurs du Perche" not in content
