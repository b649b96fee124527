"""A hundred buyers, ten articles, and the merchant saving the article form all along.

The merchant's save must never write back the allocation it read: exactly ten are sold.
Needs PostgreSQL (row locks; SQLite serialises whole-database writes and proves nothing).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from commerce.order.services import checkout_place_orders
from merchants.products import product_save_for_merchant
from tests.factories import CategoryFactory
from tests.services import NO_POSTGRES, database_is_postgres, postgres_threads_test, require_service

BUYERS = 100
STOCK = 10


@postgres_threads_test
def test_merchant_saving_the_article_during_a_rush_sells_exactly_the_stock(
    make_shop, article, pickup_checkouts
):
    require_service(database_is_postgres(), NO_POSTGRES)
    shop = make_shop("Librairie")
    record = article(shop, stock=STOCK, title="Le Horla", price="18.00")
    category = CategoryFactory(name="Livres")
    checkouts = pickup_checkouts(shop=shop, record=record, count=BUYERS)

    selling = threading.Event()
    saves = []

    def merchant_saves_unchanged_form():
        # The form shows the stock as it was when the page opened, and the merchant
        # presses "Enregistrer" again and again without touching it.
        try:
            while not selling.is_set():
                product_save_for_merchant(
                    merchant=shop,
                    product=record.product,
                    sku=record.partner_sku,
                    title="Le Horla",
                    description="",
                    category=category,
                    price_incl_tax=record.price_incl_tax,
                    vat_rate=record.vat_rate,
                    stock=STOCK,
                )
                saves.append(1)
        finally:
            connection.close()

    def buy(checkout_id):
        try:
            return checkout_place_orders(checkout_id=checkout_id)
        finally:
            connection.close()

    merchant = threading.Thread(target=merchant_saves_unchanged_form)
    merchant.start()
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(buy, [c.pk for c in checkouts]))
    finally:
        selling.set()
        merchant.join()

    sold = sum(line.quantity for r in results for o in r.orders for line in o.lines.all())
    record.refresh_from_db()
    print(
        f"\n{BUYERS} buyers, {STOCK} in stock, {len(saves)} merchant saves: {sold} sold, "
        f"stock {record.num_in_stock}, allocated {record.num_allocated}"
    )
    assert saves, "the merchant never saved during the sales"
    assert sold == STOCK
    assert (record.num_in_stock, record.num_allocated) == (STOCK, STOCK)
