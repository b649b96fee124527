"""Twenty buyers, five articles: the stock locks let exactly five orders through.

Needs PostgreSQL: SQLite serialises whole-database writes and has no row locks, so it would
prove nothing (the test skips there locally and fails in CI without PostgreSQL).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from commerce.order.models import Checkout
from commerce.order.services import checkout_place_orders
from tests.services import NO_POSTGRES, database_is_postgres, postgres_threads_test, require_service

BUYERS = 20
STOCK = 5


@postgres_threads_test
def test_twenty_parallel_checkouts_for_five_articles_place_exactly_five_orders(
    make_shop, article, pickup_checkouts
):
    require_service(database_is_postgres(), NO_POSTGRES)
    shop = make_shop("Librairie")
    record = article(shop, stock=STOCK, title="Le Horla")
    checkouts = pickup_checkouts(shop=shop, record=record, count=BUYERS)

    start = threading.Barrier(BUYERS)

    def buy(checkout_id):
        try:
            start.wait()
            return checkout_place_orders(checkout_id=checkout_id)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        results = list(pool.map(buy, [c.pk for c in checkouts]))

    placed = [r for r in results if r.orders]
    refused = [r for r in results if not r.orders]
    assert (len(placed), len(refused)) == (STOCK, BUYERS - STOCK)
    assert all(r.refund_amount == r.checkout.amount for r in refused)
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated, record.net_stock_level) == (5, 5, 0)
    assert Checkout.objects.filter(status=Checkout.Status.PLACED).count() == STOCK
    assert Checkout.objects.filter(status=Checkout.Status.REFUNDED).count() == BUYERS - STOCK
