"""The public results page: stored daily figures, in French and English, no shop's turnover."""

import html
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from merchants.templatetags.back_office import day_text, time_text
from orne_site.figures.models import PublicFigures
from orne_site.operations.tasks import PERIODIC_COMMANDS
from tests.factories import MerchantFactory, OrderSpec, commune, orders_bulk_create
from tests.integration.figures.conftest import paris

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def sell(shop, amount: str, *, month: int = 11, prefix: str):
    orders_bulk_create(
        [OrderSpec(shop=shop, placed_at=paris(2026, month, 10, 12), total=Decimal(amount))],
        prefix=prefix,
    )


@pytest.fixture
def sales(shops):
    """Alençon: three shops sold 100 € each; Flers: two shops sold 333,33 € and 444,44 €."""
    for n, shop in enumerate(shops["alencon"]):
        sell(shop, "100.00", prefix=f"A{n}")
    sell(shops["flers"][0], "333.33", prefix="F0")
    sell(shops["flers"][1], "444.44", prefix="F1")
    call_command("figures_publish", stdout=io.StringIO())
    return shops


def test_a_group_of_two_shops_never_shows_its_own_amount(client, sales):
    text = text_of(client.get("/chiffres/"))

    assert "CA Flers Agglo" not in text
    for amount in ("333,33 €", "444,44 €", "777,77 €"):
        assert amount not in text
    # Merged with the smallest shown group, so that no difference gives Flers away.
    assert "Autres intercommunalités" in text and "1 077,77 €" in text
    assert "CU d'Alençon" not in text


def test_the_page_shows_the_key_figures_and_when_they_were_computed(client, sales):
    computed = PublicFigures.objects.get().computed_at

    response = client.get("/chiffres/")

    assert response.status_code == 200
    text = text_of(response)
    assert "Boutiques inscrites 5" in text and "Commandes 5" in text
    assert "1 077,77 €" in text and "Novembre 2026" in text
    assert f"Chiffres calculés le {day_text(computed)} à {time_text(computed)}" in text
    assert '<meta name="description" content="Les chiffres du Marché de l' in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert "None" not in text


def test_the_page_reads_the_stored_figures_without_counting_orders(
    client, sales, django_assert_max_num_queries
):
    sell(sales["alencon"][0], "5000.00", prefix="LATE")
    client.get("/chiffres/")  # the site's routing and footer are memoised on a first view

    with django_assert_max_num_queries(8):
        text = text_of(client.get("/chiffres/"))

    assert "1 077,77 €" in text and "6 077,77 €" not in text


def test_the_english_page_shows_the_same_figures_in_english(client, sales):
    response = client.get("/en/chiffres/")

    assert response.status_code == 200
    text = text_of(response)
    # The words come from the catalogue the lead regenerates; the dates are English already.
    assert "November 2026" in text and "€1,077.77" in text


def test_before_the_first_computation_the_page_says_so(client, db):
    text = text_of(client.get("/chiffres/"))

    assert "Les chiffres n'ont pas encore été calculés" in text


def test_the_daily_job_and_the_links_lead_to_the_page(client, sales):
    assert "figures_publish" in PERIODIC_COMMANDS
    assert 'href="/chiffres/"' in client.get("/donnees/").content.decode()
    assert 'href="/chiffres/"' in client.get("/chiffres/").content.decode()  # the footer


def test_fewer_than_three_selling_shops_show_no_amount_at_all(client, db):
    for n in range(2):
        shop = MerchantFactory(name=f"Seule {n}", commune=commune("61001"))
        sell(shop, "250.00", prefix=f"S{n}")
    call_command("figures_publish", stdout=io.StringIO())

    text = text_of(client.get("/chiffres/"))

    assert "250,00 €" not in text and "500,00 €" not in text
    assert "Pas encore assez de boutiques ayant vendu" in text


def test_an_intercommunality_adds_up_every_month_of_its_shops(client, shops):
    for n, shop in enumerate(shops["alencon"]):
        sell(shop, "100.00", month=10, prefix=f"O{n}")
        sell(shop, "10.00", month=11, prefix=f"N{n}")
    call_command("figures_publish", stdout=io.StringIO())

    epci = PublicFigures.objects.get().data["intercommunalities"]

    assert [(g["label"], g["shops"], g["orders"], g["amount"]) for g in epci] == [
        ("CU d'Alençon", 3, 6, "330.00")
    ]
