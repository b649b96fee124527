"""What search engines and social networks read: sitemap, robots, canonical, cards, JSON-LD."""

import html
import json
import re

import pytest

from orne_site.demo.seeding import ensure_home_translation
from orne_site.editorial.models import HomePage, NewsPage
from tests.factories import WagtailImageFactory, page_add

pytestmark = pytest.mark.django_db

# Absolute page URLs come from Wagtail's Site record (hostname "localhost" in the migration),
# not from the request: the public address is set once, in the admin's Sites.


def text(response) -> str:
    return html.unescape(response.content.decode())


def json_ld(content: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def english_home(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ensure_home_translation()
    return HomePage.objects.get(locale__language_code="en")


def test_sitemap_lists_pages_in_both_languages(client, english_home, news_index):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<loc>http://localhost/</loc>" in content
    assert "<loc>http://localhost/en/</loc>" in content
    assert "<loc>http://localhost/actualites/</loc>" in content


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    content = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in content
    assert "Disallow: /admin/" in content


def test_robots_txt_lets_crawlers_reach_the_basket_and_the_checkout(client):
    rules = [
        line.split(":", 1)[1].strip()
        for line in client.get("/robots.txt").content.decode().splitlines()
        if line.startswith("Disallow:")
    ]

    for path in ("/boutique/basket/", "/commande/", "/en/boutique/basket/", "/en/commande/"):
        assert not any(path.startswith(rule) for rule in rules), path


def test_news_page_has_canonical_description_and_social_card(client, news_index):
    page = page_add(
        parent=news_index,
        page=NewsPage(
            title="Le retrait en boutique arrive",
            slug="retrait",
            summary="Commandez en ligne, retirez en boutique.",
            image=WagtailImageFactory(),
            image_alt="Un commerçant tend un sac",
        ),
    )

    content = text(client.get(page.url))

    assert '<link rel="canonical" href="http://localhost/actualites/retrait/">' in content
    assert '<meta name="description" content="Commandez en ligne, retirez en boutique.">' in content
    assert '<meta property="og:type" content="article">' in content
    assert re.search(
        r'<meta property="og:image" content="http://localhost/media/[^"]+\.(jpg|png)">', content
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    assert '<meta property="og:image:alt" content="Un commerçant tend un sac">' in content


def test_translated_page_lists_hreflang_alternates(client, english_home):
    for url in ("/", "/en/"):
        content = text(client.get(url))
        assert '<link rel="alternate" hreflang="fr" href="http://localhost/">' in content
        assert '<link rel="alternate" hreflang="en" href="http://localhost/en/">' in content
        assert '<link rel="alternate" hreflang="x-default" href="http://localhost/">' in content


def test_untranslated_page_has_no_alternates(client, news_index):
    assert 'rel="alternate"' not in text(client.get(news_index.url))


def test_language_switcher_links_to_the_translation(client, english_home):
    content = text(client.get("/"))
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in content
    assert 'hreflang="fr" lang="fr" aria-current="page">Français</a>' in content


def test_language_switcher_keeps_an_untranslated_page(client, english_home, news_index):
    # /en/actualites/ serves the French page with a notice (orne_site.editorial.views).
    content = text(client.get(news_index.url))
    assert f'<a href="/en{news_index.url}" hreflang="en" lang="en">English</a>' in content


def test_home_page_describes_the_organization(client, home):
    data = json_ld(text(client.get("/")))

    assert data[0]["@type"] == "Organization"
    assert data[0]["url"] == "http://localhost/"
    assert data[0]["name"] == "Marché de l'Orne"


def test_shop_page_describes_a_local_business(client, shop):
    from merchants.models import OpeningPeriod

    merchant = shop("Fromagerie Hébert")
    merchant.phone = "02 33 26 00 00"
    merchant.address = "3 rue aux Sieurs"
    merchant.save()
    OpeningPeriod.objects.create(merchant=merchant, weekday=1, opens_at="09:00", closes_at="12:30")

    data = json_ld(text(client.get(merchant.page.url)))

    business = data[0]
    assert business["@type"] == "LocalBusiness"
    assert business["name"] == "Fromagerie Hébert"
    assert business["address"]["streetAddress"] == "3 rue aux Sieurs"
    assert business["address"]["addressLocality"] == "Alençon"
    assert business["telephone"] == "02 33 26 00 00"
    assert business["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Tuesday"


def test_json_ld_cannot_close_its_script_element(client, shop):
    merchant = shop("Cave </script><script>alert(1)</script>")

    content = client.get(merchant.page.url).content.decode()

    assert "<script>alert(1)" not in content
    assert json_ld(content)[0]["name"] == "Cave </script><script>alert(1)</script>"


def test_product_page_describes_its_offer_in_json_ld(client):
    import json
    import re

    from tests.factories import StockRecordFactory

    record = StockRecordFactory(product__title="Livarot AOP", price_incl_tax="11.90")

    content = client.get(record.product.get_absolute_url()).content.decode()

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = [json.loads(block) for block in blocks]
    product = next(item for item in data if item["@type"] == "Product")
    assert product["name"] == "Livarot AOP"
    assert product["offers"]["price"] == "11.90"
    assert product["offers"]["priceCurrency"] == "EUR"
    assert product["offers"]["availability"] == "https://schema.org/InStock"
