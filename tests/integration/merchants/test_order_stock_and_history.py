"""Handing an order over consumes its stock; every status and stock change has a history."""

import re

import pytest
from oscar.core.loading import get_model

from commerce.order.models import FulfilmentMode
from commerce.order.statuses import OrderStatus
from tests.factories import CategoryFactory, MerchantStockRecordFactory, shop_order_place

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def shop(onboard):
    shop = onboard("Fromagerie Hébert")
    user = shop.users.get()
    user.first_name, user.last_name = "Annie", "Hébert"
    user.save()
    return shop


def order_of(shop, record, *, quantity, status, mode=FulfilmentMode.CLICK_COLLECT):
    return shop_order_place(shop, record, quantity=quantity, status=status, mode=mode)


def set_status(client, order, status):
    """The order page's button; a cancellation is confirmed on its own page, as a user does."""
    if status == OrderStatus.CANCELLED:
        return client.post(f"/admin/commandes/cancel/{order.pk}/")
    return client.post(f"/admin/commandes/edit/{order.pk}/", {"status": status})


def test_a_collected_order_takes_its_articles_out_of_the_stock(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(shop, record, quantity=3, status=OrderStatus.READY)
    client.force_login(shop.users.get())

    assert set_status(client, order, OrderStatus.COLLECTED).status_code == 302

    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (7, 0)
    assert order.lines.get().num_allocated == 0


def test_a_delivered_order_takes_its_articles_out_of_the_stock(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(
        shop, record, quantity=2, status=OrderStatus.SHIPPED, mode=FulfilmentMode.DELIVERY
    )
    client.force_login(shop.users.get())

    assert set_status(client, order, OrderStatus.DELIVERED).status_code == 302

    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (8, 0)


def test_a_cancelled_order_gives_its_articles_back_to_the_stock(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(shop, record, quantity=3, status=OrderStatus.RECEIVED)
    client.force_login(shop.users.get())

    assert set_status(client, order, OrderStatus.CANCELLED).status_code == 302

    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated, record.net_stock_level) == (10, 0, 10)


def test_an_order_status_change_shows_in_its_history_with_who_made_it(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(shop, record, quantity=1, status=OrderStatus.RECEIVED)
    client.force_login(shop.users.get())
    set_status(client, order, OrderStatus.PREPARING)

    page = client.get(f"/admin/commandes/edit/{order.pk}/").content.decode()

    assert "Statut : « Reçue » → « En préparation »" in page
    assert "Annie Hébert" in page


def test_a_stock_change_shows_in_the_articles_history_with_who_made_it(client, shop):
    category = CategoryFactory(name="Fromages")
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=12, category=category)
    client.force_login(shop.users.get())
    form = {
        "title": record.product.title,
        "description": "",
        "is_public": "on",
        "sku": record.partner_sku,
        "category": category.pk,
        "price_incl_tax": "12,90",
        "vat_rate": "5.5",
        "stock": "7",
    }
    response = client.post(f"/admin/articles/edit/{record.product.pk}/", form)
    assert response.status_code == 302

    history = client.get(f"/admin/articles/history/{record.product.pk}/").content.decode()

    assert "Stock : 12 → 7" in history
    assert "Annie Hébert" in history


def test_handing_an_order_over_shows_the_stock_it_took_in_the_articles_history(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(shop, record, quantity=3, status=OrderStatus.READY)
    client.force_login(shop.users.get())
    set_status(client, order, OrderStatus.COLLECTED)

    history = client.get(f"/admin/articles/history/{record.product.pk}/").content.decode()

    assert "Stock : 10 → 7" in history
    assert order.number in history


def test_the_order_history_is_on_its_page_not_in_a_second_view(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(shop, record, quantity=1, status=OrderStatus.RECEIVED)
    client.force_login(shop.users.get())

    page = client.get(f"/admin/commandes/edit/{order.pk}/").content.decode()

    assert "Aucun changement depuis la commande." in page
    assert f"/admin/commandes/history/{order.pk}/" not in page
    assert client.get(f"/admin/commandes/history/{order.pk}/").status_code == 404


def test_the_order_page_shows_no_raw_none_for_what_the_order_does_not_have(client, shop):
    record = MerchantStockRecordFactory(merchant=shop, num_in_stock=10)
    order = order_of(shop, record, quantity=1, status=OrderStatus.RECEIVED)
    client.force_login(shop.users.get())

    page = client.get(f"/admin/commandes/edit/{order.pk}/").content.decode()

    # Wagtail's own markup carries a "None" CSS class: look at displayed values only.
    assert not re.search(r">\s*None\s*<", page)
    assert "Passée le" in page
