"""Pages read their route, menu, footer and view restrictions from the sitewide memo
(orne_site.editorial.sitewide); what editors change shows on the next request."""

from __future__ import annotations

import html

import pytest
from wagtail.models import PageViewRestriction, Site

from orne_site.editorial.models import NewsPage, SiteSettings, StandardPage
from orne_site.settings.env import cache_from_url
from tests.factories import page_add
from tests.services import free_port

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def news(news_index):
    return page_add(
        parent=news_index,
        page=NewsPage(title="Le marché de Noël ouvre", summary="Trente stands à Alençon."),
    )


def test_page_restricted_after_its_route_was_memoised_stays_private(client, news):
    assert "Trente stands" in text(client.get(news.url))  # its route is now memoised

    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="noel"
    )

    for _ in range(2):  # rebuilt, then read from the memo
        content = text(client.get(news.url))
        assert "Trente stands" not in content
        assert 'name="password"' in content


def test_page_under_a_restricted_section_stays_private(client, news, news_index):
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="noel"
    )

    for _ in range(2):
        content = text(client.get(news.url))
        assert "Trente stands" not in content
        assert 'name="password"' in content


def test_unpublished_page_leaves_the_menu_and_is_a_404_at_once(client, home, news_index):
    assert f'href="{news_index.url}"' in text(client.get("/"))
    assert client.get(news_index.url).status_code == 200
    url = news_index.url

    news_index.unpublish()

    assert f'href="{url}"' not in text(client.get("/"))
    assert client.get(url).status_code == 404


def test_publishing_a_new_title_shows_it_in_the_footer_at_once(client, home):
    legal = page_add(parent=home, page=StandardPage(title="Mentions légales", slug="mentions"))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_links = [("page", {"page": legal})]
    settings.save()
    assert ">Mentions légales</a>" in text(client.get("/"))

    legal.title = "Informations légales"
    legal.save_revision().publish()

    content = text(client.get("/"))
    assert ">Informations légales</a>" in content
    assert ">Mentions légales</a>" not in content


def test_a_suspended_shops_memoised_page_is_a_404_at_once(client, shop):
    merchant = shop("Cidrerie du Perche")
    url = merchant.page.url
    assert client.get(url).status_code == 200

    merchant.is_active = False
    merchant.save()

    assert client.get(url).status_code == 404


def test_pages_still_answer_while_the_cache_is_unreachable(client, settings, news, news_index):
    # Redis at a port where nothing listens: every cache call fails, the memo reads the
    # database instead.
    settings.CACHES = {"default": cache_from_url(f"redis://127.0.0.1:{free_port()}/0")}

    for url in ("/", news_index.url, news.url, "/recherche/?q=cidre"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    assert "Trente stands" in text(client.get(news.url))


def test_what_every_page_reads_is_kept_on_a_first_view(client, home, news, caplog):
    # Everything memoised must pickle (Redis, locmem): a value that does not is read from
    # the database on every request, with a warning.
    for url in ("/", news.url, "/recherche/?q=cidre"):
        client.get(url)
        client.get(url)

    assert not [r for r in caplog.records if r.name == "orne_site.editorial.sitewide"]
