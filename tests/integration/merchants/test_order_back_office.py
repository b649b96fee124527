"""The order page, the orders list and its export, and the merchant's admin home.

Orders are written as checkout writes them (tests.factories.shop_order_place); the purchase
itself is covered by tests/integration/checkout and the Chromium test.
"""

import csv
import html
import io
import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.statuses import OrderStatus
from tests.factories import MerchantStockRecordFactory, order_line_add, shop_order_place

pytestmark = pytest.mark.django_db
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def shop(onboard):
    return onboard("Fromagerie Hébert", email="fromagerie@example.org")


@pytest.fixture
def record(shop):
    return MerchantStockRecordFactory(
        merchant=shop, num_in_stock=200, partner_sku="CAM-250", product__title="Camembert"
    )


@pytest.fixture
def merchant_client(client, shop):
    client.force_login(shop.users.get())
    return client


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def test_the_order_page_shows_what_the_merchant_needs_to_prepare_a_pickup(
    merchant_client, shop, record
):
    slot = datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
    order = shop_order_place(shop, record, number="OR-1", slot=slot)

    response = merchant_client.get(f"/admin/commandes/edit/{order.pk}/")

    assert response.status_code == 200
    page = text_of(response)
    for expected in (
        "Marie Lefèvre",
        "Camembert",
        "CAM-250",
        "6,20 €",
        "12,40 €",
        "marie@example.org",
        "02 33 12 34 56",
        "mardi 1er décembre 2026, 10h00–11h00",
        "12 rue du Pont-Neuf, Alençon",
        "Total HT 11,76 €",
        "TVA 5,5 % (sur 11,76 € HT) 0,64 €",
        "Total TTC 12,40 €",
        "Passer à « En préparation »",
        "Annuler la commande",
    ):
        assert expected in page, expected
    assert "None" not in page and "True" not in page and "Retrait à partir de" not in page


def test_the_order_page_of_a_delivery_shows_the_address_and_the_fee(merchant_client, shop, record):
    order = shop_order_place(shop, record, number="OR-2", mode=FulfilmentMode.DELIVERY)

    page = text_of(merchant_client.get(f"/admin/commandes/edit/{order.pk}/"))

    assert "3 rue aux Sieurs" in page and "61000" in page
    assert "Frais de livraison TTC 4,90 €" in page
    assert "TVA 20 % (sur 4,08 € HT) 0,82 €" in page
    assert "Créneau de retrait" not in page


def test_the_buttons_move_an_order_to_collected_and_the_history_says_who(
    merchant_client, shop, record, django_capture_on_commit_callbacks
):
    order = shop_order_place(shop, record, number="OR-3")
    mail.outbox.clear()
    for status in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED):
        with django_capture_on_commit_callbacks(execute=True):
            response = merchant_client.post(
                f"/admin/commandes/edit/{order.pk}/", {"status": status}
            )
        assert response.status_code == 302

    page = text_of(merchant_client.get(f"/admin/commandes/edit/{order.pk}/"))

    assert "Statut : « Prête à retirer » → « Retirée »" in page
    assert shop.users.get().get_username() in page
    assert "Cette commande est terminée" in page
    assert len(mail.outbox) == 3
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (198, 0)


def test_cancelling_asks_for_confirmation_and_shows_the_amount_first(merchant_client, shop, record):
    order = shop_order_place(shop, record, number="OR-4")

    response = merchant_client.post(
        f"/admin/commandes/edit/{order.pk}/", {"status": OrderStatus.CANCELLED}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/commandes/cancel/{order.pk}/"
    order.refresh_from_db()
    assert order.status == OrderStatus.RECEIVED  # nothing happened yet

    confirm = text_of(merchant_client.get(response["Location"]))
    assert "rembourse 12,40 € au client" in confirm
    assert "Oui, annuler et rembourser" in confirm


def test_the_slip_is_a_printable_page_with_lines_customer_and_phone(merchant_client, shop, record):
    order = shop_order_place(shop, record, number="OR-5")

    response = merchant_client.get(f"/admin/commandes/slip/{order.pk}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "order_slip.css" in page and "window.print()" in page
    assert "Bon de préparation" in page and "Camembert" in page and "02 33 12 34 56" in page
    assert "Fromagerie Hébert" in page


def test_the_orders_list_shows_customer_mode_slot_total_and_status_sorted_by_slot(
    merchant_client, shop, record
):
    later = shop_order_place(
        shop, record, number="OR-LATER", slot=datetime(2026, 12, 3, 15, tzinfo=PARIS)
    )
    sooner = shop_order_place(
        shop, record, number="OR-SOON", slot=datetime(2026, 12, 2, 9, tzinfo=PARIS)
    )
    shop_order_place(shop, record, number="OR-DELIV", mode=FulfilmentMode.DELIVERY)

    page = text_of(merchant_client.get("/admin/commandes/"))

    assert page.index(sooner.number) < page.index(later.number)
    assert "mercredi 2 décembre 2026, 09h00–10h00" in page
    assert "Lefèvre" in page and "Livraison" in page and "12,40 €" in page and "Reçue" in page


def test_the_orders_list_filters_by_status_mode_and_day(merchant_client, shop, record):
    # A delivery counts on the day it was placed (today), so the pickup days are in the future.
    pickup_day = timezone.localdate() + timedelta(days=8)
    shop_order_place(shop, record, number="OR-A", slot=datetime(2031, 1, 1, 9, tzinfo=PARIS))
    shop_order_place(
        shop,
        record,
        number="OR-B",
        slot=datetime.combine(pickup_day, time(9), tzinfo=PARIS),
        status=OrderStatus.PREPARING,
    )
    shop_order_place(shop, record, number="OR-C", mode=FulfilmentMode.DELIVERY)

    by_day = text_of(merchant_client.get("/admin/commandes/", {"day": pickup_day.isoformat()}))
    by_status = text_of(merchant_client.get("/admin/commandes/", {"status": "Reçue"}))
    by_mode = text_of(merchant_client.get("/admin/commandes/", {"fulfilment_mode": "delivery"}))

    assert "OR-B" in by_day and "OR-A" not in by_day and "OR-C" not in by_day
    assert "OR-A" in by_status and "OR-C" in by_status and "OR-B" not in by_status
    assert "OR-C" in by_mode and "OR-A" not in by_mode


def test_council_staff_see_and_open_every_shops_orders(
    client, council_staff, shop, record, onboard
):
    other = onboard("Cidrerie du Bocage", email="bocage@example.org")
    mine = shop_order_place(shop, record, number="OR-MINE")
    theirs = shop_order_place(
        other, MerchantStockRecordFactory(merchant=other, num_in_stock=9), number="OR-THEIRS"
    )
    client.force_login(council_staff)

    listing = text_of(client.get("/admin/commandes/"))

    assert "OR-MINE" in listing and "OR-THEIRS" in listing
    for order in (mine, theirs):
        assert client.get(f"/admin/commandes/edit/{order.pk}/").status_code == 200


def test_the_export_is_the_filtered_list_as_an_excel_friendly_csv(merchant_client, shop, record):
    shop_order_place(shop, record, number="OR-X", slot=datetime(2026, 12, 2, 9, tzinfo=PARIS))
    shop_order_place(shop, record, number="OR-Y", mode=FulfilmentMode.DELIVERY)

    response = merchant_client.get("/admin/commandes/export/", {"fulfilment_mode": "click_collect"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["numéro", "passée le", "statut"]
    assert [row[0] for row in rows[1:]] == ["OR-X"]
    assert rows[1][4] == "02/12/2026 09:00" and rows[1][8] == "02 33 12 34 56"
    assert rows[1][-1] == "12,40"


def test_the_merchant_home_shows_the_days_work_not_wagtails_site_summary(
    merchant_client, shop, record
):
    today = timezone.localdate()
    slot = datetime(today.year, today.month, today.day, 23, 0, tzinfo=PARIS)
    shop_order_place(shop, record, number="OR-TODAY", slot=slot)
    shop_order_place(shop, record, number="OR-DELIVER", mode=FulfilmentMode.DELIVERY)
    low = MerchantStockRecordFactory(
        merchant=shop, num_in_stock=2, partner_sku="LIV-1", product__title="Livarot"
    )

    page = text_of(merchant_client.get("/admin/"))

    assert "Commandes à préparer" in page and "OR-TODAY" in page
    assert "Aujourd'hui" in page and "23h00–00h00" in page
    assert "Livraisons à faire" in page and "OR-DELIVER" in page
    assert "Stock bas" in page and low.product.title in page and "Camembert" not in page
    assert "Cette semaine" in page and "Ce mois-ci" in page
    assert "Premiers pas de votre boutique" in page
    assert "w-summary" not in merchant_client.get("/admin/").content.decode()


def test_the_low_stock_threshold_is_the_shops(merchant_client, shop, record):
    MerchantStockRecordFactory(merchant=shop, num_in_stock=5, product__title="Pont-l'Évêque")
    assert "Pont-l'Évêque" not in text_of(merchant_client.get("/admin/"))

    shop.low_stock_threshold = 5
    shop.save()

    assert "Pont-l'Évêque" in text_of(merchant_client.get("/admin/"))


@pytest.mark.parametrize("count", [3, 30])
def test_back_office_order_screens_cost_the_same_queries_for_3_or_30_orders(
    merchant_client, shop, record, django_assert_max_num_queries, count
):
    orders = [
        shop_order_place(
            shop,
            record,
            number=f"OR-Q{n}",
            mode=FulfilmentMode.DELIVERY if n % 2 else FulfilmentMode.CLICK_COLLECT,
        )
        for n in range(count)
    ]
    merchant_client.get("/admin/")  # warm the session and Wagtail's per-process caches

    with django_assert_max_num_queries(QUERIES["home"]):
        assert merchant_client.get("/admin/").status_code == 200
    with django_assert_max_num_queries(QUERIES["list"]):
        assert merchant_client.get("/admin/commandes/").status_code == 200
    with django_assert_max_num_queries(QUERIES["export"]):
        assert merchant_client.get("/admin/commandes/export/").status_code == 200
    with django_assert_max_num_queries(QUERIES["page"]):
        assert merchant_client.get(f"/admin/commandes/edit/{orders[-1].pk}/").status_code == 200
    with django_assert_max_num_queries(QUERIES["slip"]):
        assert merchant_client.get(f"/admin/commandes/slip/{orders[-1].pk}/").status_code == 200


# Measured with 3 and with 30 orders (the same figures; the home's include the session,
# the user, the menu and Wagtail's own checks): a screen that grew with the number of
# orders would fail the 30-order run. merchants.scoping.merchant_for_user is memoised on
# the request's user: before, the menu items asked again on every page (home 35, list 18,
# page 22 with the three-query timeline). The order page also reads its invoice and the
# invoice's credit notes (2 queries).
QUERIES = {"home": 24, "list": 14, "export": 7, "page": 20, "slip": 10}


@pytest.mark.parametrize("count", [3, 30])
def test_the_order_page_costs_the_same_queries_for_3_or_30_lines(
    merchant_client, shop, django_assert_max_num_queries, count
):
    records = [
        MerchantStockRecordFactory(merchant=shop, num_in_stock=50, partner_sku=f"L-{n}")
        for n in range(count)
    ]
    order = shop_order_place(shop, records[0], number=f"OR-L{count}", quantity=3)
    for record in records[1:]:
        order_line_add(order, shop, record, quantity=2)
    first = order.lines.order_by("pk").first()
    merchant_client.post(
        f"/admin/commandes/reduce/{order.pk}/{first.pk}/",
        {"quantity": 1, "reason": "broken", "seen_quantity": 3, "confirm": "1"},
    )
    merchant_client.get("/admin/")  # warm the session and Wagtail's per-process caches

    with django_assert_max_num_queries(QUERIES["page"]):
        page = merchant_client.get(f"/admin/commandes/edit/{order.pk}/")

    assert page.status_code == 200
    assert "3 → 1" in text_of(page)
