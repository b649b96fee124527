"""Twenty buyers, five articles: the stock locks let exactly five orders through.

Needs PostgreSQL: SQLite serialises whole-database writes and has no row locks, so it would
prove nothing (the test skips there locally and fails in CI without PostgreSQL).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from checkout.fulfilment import pickup_slots
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import Checkout, FulfilmentMode
from commerce.order.services import checkout_create, checkout_place_orders
from tests.services import database_is_postgres, in_ci, require_service

BUYERS = 20
STOCK = 5
NO_POSTGRES = "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)"
NOW = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))


# Decided at collection, before any database fixture: a transactional test that skipped
# inside the test would still flush the (reused) SQLite test database on its way out.
@pytest.mark.skipif(not database_is_postgres() and not in_ci(), reason=NO_POSTGRES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_parallel_checkouts_for_five_articles_place_exactly_five_orders(
    make_shop, article, basket_of
):
    require_service(database_is_postgres(), NO_POSTGRES)
    shop = make_shop("Librairie")
    record = article(shop, stock=STOCK, title="Le Horla")
    slot = pickup_slots(merchant=shop, now=NOW)[0]
    checkouts = []
    for n in range(BUYERS):
        groups = basket_groups_by_merchant(basket=basket_of([(record, 1)]))
        plan = checkout_plan_build(
            groups=groups,
            choices={shop.pk: FulfilmentChoice(FulfilmentMode.CLICK_COLLECT, slot.key)},
            commune=None,
            now=NOW,
        )
        checkouts.append(checkout_create(plan=plan, email=f"client{n}@example.org"))

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
