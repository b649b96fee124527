"""seed_demo builds the editorial demo: campaigns with live blocks, news, legal pages,
English translations; a second run changes nothing."""

import html
import io

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from wagtail.models import Page, Revision

from orne_site.demo.images import product_photo_jpeg
from orne_site.editorial.models import CampaignPage, HomePage, NewsPage, StandardPage

pytestmark = pytest.mark.django_db


def run_seed(django_capture_on_commit_callbacks):
    # What a real run does after its commits (search indexing) runs at the end of the block.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", merchants=4, products=24)


@pytest.fixture
def seeded(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    run_seed(django_capture_on_commit_callbacks)


def test_demo_has_campaigns_with_each_live_block(seeded, client):
    french = CampaignPage.objects.filter(locale__language_code="fr")
    block_types = {block.block_type for page in french for block in page.body}

    assert french.count() == 2
    assert {"chosen_products", "chosen_shops"} <= block_types
    for page in french:
        assert client.get(page.url).status_code == 200


def test_demo_has_five_news_and_the_legal_pages(seeded, client):
    assert NewsPage.objects.count() == 5
    titles = set(StandardPage.objects.values_list("title", flat=True))
    assert titles == {
        "Mentions légales",
        "Conditions générales d'utilisation et de vente",
        "Données personnelles",
        "Déclaration d'accessibilité",
    }
    response = client.get("/accessibilite/")
    assert "Défenseur des droits" in html.unescape(response.content.decode())


def test_demo_translates_home_and_a_campaign(seeded, client):
    english_campaign = CampaignPage.objects.get(locale__language_code="en")
    assert HomePage.objects.filter(locale__language_code="en", live=True).exists()

    home = html.unescape(client.get("/en/").content.decode())
    campaign = html.unescape(client.get(english_campaign.url).content.decode())

    assert "See what's on" in home and "Christmas at our local shops" in home
    assert english_campaign.url.startswith("/en/")
    assert "Until when can I order for Christmas?" in campaign
    assert "Our gift ideas" in campaign


def test_second_seed_creates_no_page_and_no_revision(seeded, django_capture_on_commit_callbacks):
    pages, revisions = Page.objects.count(), Revision.objects.count()

    run_seed(django_capture_on_commit_callbacks)

    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_demo_heroes_are_drawn_as_wide_as_their_largest_rendition(seeded):
    home = HomePage.objects.get(locale__language_code="fr")
    christmas = CampaignPage.objects.get(
        locale__language_code="fr", slug="noel-chez-nos-commercants"
    )

    assert (home.hero_image.width, home.hero_image.height) == (2048, 683)
    assert christmas.hero_image.width == 2048


def test_a_hero_drawn_small_by_an_older_seed_is_drawn_again(
    seeded, django_capture_on_commit_callbacks
):
    hero = HomePage.objects.get(locale__language_code="fr").hero_image
    hero.file = ImageFile(io.BytesIO(product_photo_jpeg(title="x", subtitle="y")), name="old.jpg")
    hero.save()
    assert hero.width == 480

    run_seed(django_capture_on_commit_callbacks)

    hero.refresh_from_db()
    assert (hero.width, hero.height) == (2048, 683)
    assert hero.get_rendition("fill-2048x683").width == 2048
