"""The shops index: filters (commune, intercommunality, category, mode), pagination that
keeps them, the count and the empty state, and a query count that does not grow with shops."""

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from merchants import shop_index
from merchants.models import Commune, MerchantCategory
from tests.factories import WagtailImageFactory

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def shop_names(response) -> list[str]:
    return [shop.title for shop in response.context["shops"]]


@pytest.fixture
def two_intercommunalities():
    """Alençon and a commune of another intercommunality."""
    alencon = Commune.objects.get(insee_code="61001")
    other = (
        Commune.objects.exclude(intercommunality=alencon.intercommunality)
        .exclude(intercommunality=None)
        .order_by("insee_code")
        .first()
    )
    return alencon, other


def test_shop_index_filters_by_intercommunality(client, onboard, two_intercommunalities):
    alencon, other = two_intercommunalities
    onboard("Boutique Alençon", commune=alencon.insee_code)
    far = onboard("Boutique Lointaine", email="loin@example.org", commune=other.insee_code)

    response = client.get("/commercants/", {"intercommunality": other.intercommunality.code})

    assert shop_names(response) == [far.page.title]
    assert "1 boutique" in page_text(response)


def test_shop_index_filters_by_category_and_offers_only_categories_in_use(client, onboard):
    cheese = onboard("Fromagerie du Bocage")
    books = onboard("Librairie du Perche", email="livres@example.org")
    books.category = MerchantCategory.LIBRAIRIE
    books.save()
    cheese.category = MerchantCategory.FROMAGERIE
    cheese.save()

    response = client.get("/commercants/", {"category": MerchantCategory.LIBRAIRIE})

    assert shop_names(response) == ["Librairie du Perche"]
    offered = [value for value, _ in response.context["filter_form"].fields["category"].choices]
    assert offered == ["", "fromagerie", "librairie"]


def test_shop_index_filters_by_delivery_or_click_and_collect(client, onboard):
    delivers = onboard("Épicerie qui livre", email="livre@example.org")
    delivers.offers_delivery, delivers.offers_click_collect = True, False
    delivers.save()
    pickup = onboard("Boutique du retrait", email="retrait@example.org")
    pickup.offers_delivery, pickup.offers_click_collect = False, True
    pickup.save()

    assert shop_names(client.get("/commercants/", {"mode": "delivery"})) == ["Épicerie qui livre"]
    assert shop_names(client.get("/commercants/", {"mode": "click_collect"})) == [
        "Boutique du retrait"
    ]


def test_an_unknown_filter_value_is_ignored_with_a_french_message(client, onboard):
    onboard("Boutique Alençon")

    response = client.get("/commercants/", {"commune": "99999", "mode": "drone"})

    content = page_text(response)
    assert "Certains filtres de l'adresse ne sont pas valables et ont été ignorés." in content
    assert shop_names(response) == ["Boutique Alençon"]


def test_no_matching_shop_shows_the_empty_state_with_a_way_back(client, onboard):
    pickup = onboard("Boutique du retrait")
    pickup.offers_delivery = False
    pickup.save()

    content = page_text(client.get("/commercants/", {"mode": "delivery"}))

    assert "0 boutique" in content
    assert "Aucune boutique ne correspond à ces filtres." in content
    assert 'href="/commercants/"' in content


def test_pagination_keeps_the_filters_and_marks_the_current_page(client, onboard, monkeypatch):
    monkeypatch.setattr(shop_index, "SHOPS_PER_PAGE", 2)
    for number in range(5):
        onboard(f"Boutique {number}", email=f"b{number}@example.org")

    response = client.get("/commercants/", {"mode": "click_collect", "page": "2"})

    content = page_text(response)
    assert shop_names(response) == ["Boutique 2", "Boutique 3"]
    assert "5 boutiques" in content
    assert 'href="?mode=click_collect&amp;page=3" rel="next"' in response.content.decode()
    assert 'href="?mode=click_collect&amp;page=2" aria-current="page"' in response.content.decode()


def test_a_page_number_out_of_range_shows_the_last_page(client, onboard, monkeypatch):
    monkeypatch.setattr(shop_index, "SHOPS_PER_PAGE", 2)
    for number in range(3):
        onboard(f"Boutique {number}", email=f"b{number}@example.org")

    assert shop_names(client.get("/commercants/", {"page": "40"})) == ["Boutique 2"]
    assert shop_names(client.get("/commercants/", {"page": "deux"})) == ["Boutique 0", "Boutique 1"]


def test_the_filters_apply_on_change_from_a_static_script(client, onboard):
    onboard("Boutique Alençon")

    content = page_text(client.get("/commercants/"))

    assert "data-submit-on-change" in content
    assert "/static/merchants/js/submit_on_change.js" in content
    assert 'type="submit"' in content  # still works without JavaScript


def test_the_english_shops_index_answers(client, onboard):
    onboard("Boutique Alençon")

    assert "Boutique Alençon" in page_text(client.get("/en/commercants/"))


def _shops_with_logos(onboard, start: int, count: int) -> None:
    for number in range(start, start + count):
        merchant = onboard(f"Boutique {number:02d}", email=f"logo{number}@example.org")
        merchant.page.logo = WagtailImageFactory()
        merchant.page.save_revision().publish()


def _queries(client) -> int:
    client.get("/commercants/")  # renditions are made on the first view, as on a live site
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/commercants/").status_code == 200
    return len(captured)


def test_shop_index_query_count_does_not_grow_with_the_shops(client, onboard):
    _shops_with_logos(onboard, 0, 2)
    with_two = _queries(client)
    _shops_with_logos(onboard, 2, 10)
    with_twelve = _queries(client)

    assert with_twelve == with_two


def test_commune_choices_sort_accented_names_among_the_others(client, onboard):
    ecouche = Commune.objects.filter(name__startswith="É").order_by("name").first()
    onboard("Boutique Alençon")
    onboard("Boutique Accentuée", email="accent@example.org", commune=ecouche.insee_code)

    response = client.get("/commercants/")

    names = [label for _, label in response.context["filter_form"].fields["commune"].choices[1:]]
    assert names == ["Alençon", ecouche.name]
