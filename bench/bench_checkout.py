"""Checkout benchmarks: server time to place a 3-merchant order; orders/s with 20 buyers.

    DATABASE_URL=postgres://user@127.0.0.1:5432/orne_bench .venv/bin/python bench/bench_checkout.py

Point DATABASE_URL at an empty PostgreSQL database (it is migrated, then filled with
"Bench" shops); without it a throwaway SQLite database is used and the concurrent part is
skipped (SQLite serialises writers, so it would measure nothing useful). Stripe is not
called: the figures are the site's own time (grouping, plan, checkout record, locks,
allocation, orders).
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orne_site.settings.dev")
    os.environ.setdefault("VAR_DIR", var_dir)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def make_shops(count: int, *, stock: int):
    from datetime import time as clock_time
    from decimal import Decimal

    from oscar.core.loading import get_model

    from merchants.models import OpeningPeriod
    from tests.factories import MerchantFactory, MerchantStockRecordFactory

    Basket = get_model("basket", "Basket")
    shops = []
    for n in range(count):
        shop = MerchantFactory(name=f"Bench {n} {time.time_ns()}", slug=f"bench-{time.time_ns()}")
        for day in range(7):
            OpeningPeriod.objects.create(
                merchant=shop, weekday=day, opens_at=clock_time(0), closes_at=clock_time(23, 59)
            )
        records = [
            MerchantStockRecordFactory(
                merchant=shop, price_incl_tax=Decimal("9.90"), num_in_stock=stock
            )
            for _ in range(2)
        ]
        shops.append((shop, records))
    return shops, Basket


def prepare_checkout(shops, Basket, now):
    from checkout.fulfilment import pickup_slots
    from checkout.plans import FulfilmentChoice, checkout_plan_build
    from checkout.selectors import basket_groups_by_merchant
    from commerce.order.fulfilment import FulfilmentMode
    from commerce.order.services import checkout_create
    from commerce.partner.strategy import Selector

    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for _, records in shops:
        for record in records:
            basket.add_product(record.product, 1)
    groups = basket_groups_by_merchant(basket=basket)
    choices = {
        shop.pk: FulfilmentChoice(
            FulfilmentMode.CLICK_COLLECT, pickup_slots(merchant=shop, now=now)[-1].key
        )
        for shop, _ in shops
    }
    plan = checkout_plan_build(groups=groups, choices=choices, commune=None, now=now)
    return checkout_create(plan=plan, email="bench@example.org", basket=basket)


def bench_single(iterations: int) -> None:
    from django.utils import timezone

    from commerce.order.services import checkout_place_orders

    shops, Basket = make_shops(3, stock=1_000_000)
    prepare_checkout(shops, Basket, timezone.now())  # warm-up
    prepare_ms, place_ms = [], []
    for _ in range(iterations):
        now = timezone.now()
        started = time.perf_counter()
        checkout = prepare_checkout(shops, Basket, now)
        prepared = time.perf_counter()
        result = checkout_place_orders(checkout_id=checkout.pk)
        placed = time.perf_counter()
        assert len(result.orders) == 3
        prepare_ms.append((prepared - started) * 1000)
        place_ms.append((placed - prepared) * 1000)

    def line(name, values):
        values = sorted(values)
        p95 = values[int(len(values) * 0.95) - 1]
        print(f"{name}: median {statistics.median(values):.1f} ms, p95 {p95:.1f} ms")

    print(f"3-merchant order (3 shops x 2 lines), {iterations} runs")
    line("  basket grouping + plan + checkout record", prepare_ms)
    line("  placement (locks, re-check, allocate, 3 orders)", place_ms)


def bench_concurrent(buyers: int, per_buyer: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from commerce.order.services import checkout_place_orders

    # Every buyer buys the same 3 shops' articles: the worst case for the row locks.
    shops, Basket = make_shops(3, stock=1_000_000)
    now = timezone.now()
    checkouts = [
        [prepare_checkout(shops, Basket, now).pk for _ in range(per_buyer)] for _ in range(buyers)
    ]
    start = threading.Barrier(buyers + 1)
    placed = []

    def buyer(ids):
        try:
            start.wait()
            for checkout_id in ids:
                placed.append(len(checkout_place_orders(checkout_id=checkout_id).orders))
        finally:
            connection.close()

    threads = [threading.Thread(target=buyer, args=(ids,)) for ids in checkouts]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    orders = sum(placed)
    print(f"{buyers} concurrent buyers x {per_buyer} checkouts (3 merchants each, same articles)")
    print(f"  {len(placed)} checkouts, {orders} orders in {elapsed:.2f} s")
    print(f"  {len(placed) / elapsed:.1f} checkouts/s, {orders / elapsed:.1f} orders/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--buyers", type=int, default=20)
    parser.add_argument("--per-buyer", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="orne-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection

        print(f"database: {connection.vendor}")
        bench_single(args.iterations)
        if connection.vendor == "postgresql":
            bench_concurrent(args.buyers, args.per_buyer)
        else:
            print("concurrent buyers: skipped (needs PostgreSQL: set DATABASE_URL)")


if __name__ == "__main__":
    main()
