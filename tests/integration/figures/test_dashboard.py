"""The council dashboard: figures from grouped queries, cancelled and refunded apart, exports."""

import csv
import html
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.statuses import OrderStatus
from orne_site.figures.dashboard import dashboard_build
from orne_site.figures.selectors import Period
from tests.factories import OrderSpec, order_specs_random, orders_bulk_create, shop_onboard
from tests.integration.figures.conftest import paris

pytestmark = pytest.mark.django_db
URL = "/admin/chiffres/"
NOVEMBER = {"du": "2026-11-01", "au": "2026-11-30", "pas": "month"}


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def november(shops):
    alencon, flers = shops["alencon"], shops["flers"]
    orders_bulk_create(
        [
            OrderSpec(shop=alencon[0], placed_at=paris(2026, 11, 3, 10), total=Decimal("40.00")),
            OrderSpec(
                shop=alencon[1],
                placed_at=paris(2026, 11, 4, 11),
                total=Decimal("25.50"),
                mode=FulfilmentMode.DELIVERY,
                status=OrderStatus.DELIVERED,
                partial_refund=Decimal("5.50"),
            ),
            # Cancelled and refunded in full: never a sale.
            OrderSpec(
                shop=flers[0],
                placed_at=paris(2026, 11, 20, 9),
                total=Decimal("1000.00"),
                status=OrderStatus.CANCELLED,
                lines=3,
            ),
            # Placed at 00:30 in Paris on 1 December: December's, not November's.
            OrderSpec(shop=flers[1], placed_at=paris(2026, 12, 1, 0, 30), total=Decimal("9.00")),
        ]
    )
    return shops


def test_a_cancelled_and_refunded_order_counts_nothing_in_sales(november):
    dashboard = dashboard_build(period=Period(date(2026, 11, 1), date(2026, 11, 30)))
    by_period = dashboard.table("commandes-par-periode")

    # label, orders, sales, average, cancelled orders, cancelled amount, refunded
    assert by_period.rows == [
        [
            "Novembre 2026",
            2,
            Decimal("60.00"),
            Decimal("30.00"),
            1,
            Decimal("1000.00"),
            Decimal("1005.50"),
        ]
    ]
    by_shop = {row[0]: row for row in dashboard.table("commandes-par-boutique").rows}
    assert by_shop["Flers 0"][1:4] == [0, Decimal("0.00"), None]
    assert by_shop["Flers 0"][5] == Decimal("1000.00")
    assert "Flers 1" not in by_shop


def test_orders_are_counted_once_whatever_their_lines_and_grouped_by_intercommunality(november):
    dashboard = dashboard_build(period=Period(date(2026, 11, 1), date(2026, 12, 31)))
    epci = {row[0]: row[1:3] for row in dashboard.table("commandes-par-intercommunalite").rows}

    assert epci == {"CU d'Alençon": [2, Decimal("60.00")], "CA Flers Agglo": [1, Decimal("9.00")]}
    modes = {row[0]: row[1] for row in dashboard.table("modes-de-remise").rows}
    assert modes == {"Livraison à domicile": 1, "Retrait en boutique": 2}


def test_weeks_start_on_monday_in_paris(november):
    dashboard = dashboard_build(period=Period(date(2026, 11, 1), date(2026, 11, 30), "week"))

    labels = [row[0] for row in dashboard.table("commandes-par-periode").rows]
    assert labels == ["Semaine du 2 novembre 2026", "Semaine du 16 novembre 2026"]


def test_shops_are_counted_by_status_intercommunality_and_category(shops):
    shops["flers"][0].is_active = False
    shops["flers"][0].save()

    dashboard = dashboard_build(period=Period(date(2026, 11, 1), date(2026, 11, 30)))

    assert dashboard.table("boutiques-par-statut").rows == [["Actives", 4], ["Suspendues", 1]]
    assert dashboard.table("boutiques-par-intercommunalite").rows == [
        ["CU d'Alençon", 3],
        ["CA Flers Agglo", 2],
    ]
    assert dashboard.table("boutiques-par-categorie").rows == [["Fromagerie", 5]]


def test_the_page_shows_french_figures_to_council_staff(staff_client, november):
    response = staff_client.get(URL, NOVEMBER)

    assert response.status_code == 200
    text = text_of(response)
    assert "Ventes TTC" in text and "60,00 €" in text and "1 000,00 €" in text
    assert "Novembre 2026" in text and "Graphique" in text
    assert "None" not in text and "True" not in text and "False" not in text
    assert "Chiffres" in text  # the menu item


def test_a_bad_period_says_so_in_french_and_shows_the_default_one(staff_client, shops):
    response = staff_client.get(URL, {"du": "2026-12-01", "au": "2026-11-01"})

    assert "La date de début doit précéder la date de fin." in text_of(response)
    response = staff_client.get(URL, {"du": "hier"})
    assert "Saisissez une date valide." in text_of(response)
    assert response.status_code == 200


def test_a_merchant_gets_403_and_no_menu_item(client, db):
    shop = shop_onboard(name="Fromagerie Hébert", email="fromagerie@example.org")
    client.force_login(shop.users.get())

    # Wagtail turns the refusal into a redirect to the admin home, with its message.
    for query in ({}, {"tableau": "commandes-par-boutique", "format": "csv"}):
        response = client.get(URL, query)
        assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
    home = client.get("/admin/")
    assert home.status_code == 200 and "/admin/chiffres/" not in home.content.decode()


def test_every_table_exports_as_csv_and_xlsx(staff_client, november):
    dashboard = dashboard_build(period=Period(date(2026, 11, 1), date(2026, 11, 30)))
    for table in dashboard.tables:
        response = staff_client.get(URL, {**NOVEMBER, "tableau": table.slug, "format": "csv"})
        assert response.status_code == 200
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0] == [column.title for column in table.columns]
        assert len(rows) == 1 + len(table.rows) + (1 if table.total else 0)

        response = staff_client.get(URL, {**NOVEMBER, "tableau": table.slug, "format": "xlsx"})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert [cell.value for cell in sheet[1]] == [column.title for column in table.columns]

    response = staff_client.get(
        URL, {**NOVEMBER, "tableau": "commandes-par-periode", "format": "csv"}
    )
    assert "Novembre 2026;2;60,00;30,00;1;1000,00;1005,50" in response.content.decode("utf-8-sig")
    response = staff_client.get(
        URL, {**NOVEMBER, "tableau": "commandes-par-boutique", "format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Alençon 0"] == 40 and values["Flers 0"] == 0


def test_an_unknown_table_or_format_is_a_404(staff_client, shops):
    assert staff_client.get(URL, {"tableau": "mots-de-passe", "format": "csv"}).status_code == 404
    assert staff_client.get(URL, {"tableau": "candidatures", "format": "pdf"}).status_code == 404


@pytest.mark.parametrize("count", [10, 1000])
def test_the_dashboard_costs_the_same_queries_for_10_or_1000_orders(
    staff_client, shops, django_assert_num_queries, count
):
    every = shops["alencon"] + shops["flers"]
    orders_bulk_create(
        order_specs_random(shops=every, count=count, start=paris(2026, 11, 1), days=29)
    )
    staff_client.get(URL, NOVEMBER)  # sessions, Wagtail's menu caches

    with django_assert_num_queries(QUERIES):
        response = staff_client.get(URL, NOVEMBER)

    assert response.status_code == 200


# Session, user, Wagtail menu and permissions, then the 9 figure queries (selectors).
QUERIES = 21
