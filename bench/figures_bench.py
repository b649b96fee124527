"""Figures benchmarks: the council dashboard's queries and the /chiffres/ computation at scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:55432/orne_c_bench \
        .venv/bin/python bench/figures_bench.py --orders 100000 --shops 500 --runs 7

Point DATABASE_URL at a PostgreSQL database of your own (a copy, never a shared one): it is
migrated, then given "Bench figures" shops spread over the Orne's communes and --orders
orders over the last 365 days, written with bulk_create as placement leaves them
(tests/factories/orders_bulk.py: 5 % cancelled and refunded, 3 % partly refunded, a third
delivered, one to three lines each). A second run reuses them. It prints, for each
dashboard selector and for the public computation, the median and 95th percentile of
--runs runs and the number of SQL queries.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PREFIX = "FB"


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orne_site.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def shops_ensure(count: int):
    from merchants.models import Commune, Merchant
    from tests.factories import MerchantFactory

    shops = list(Merchant.objects.filter(name__startswith="Bench figures ").order_by("pk"))
    communes = list(Commune.objects.order_by("insee_code"))
    for n in range(len(shops), count):
        shops.append(
            MerchantFactory(
                name=f"Bench figures {n}",
                slug=f"bench-figures-{n}",
                commune=communes[(n * 7) % len(communes)],
            )
        )
    return shops[:count]


def orders_ensure(*, shops, count: int) -> float:
    """Write the orders unless this many are there already; returns the seconds it took."""
    from django.db import transaction
    from django.utils import timezone

    from commerce.order.models import Order
    from tests.factories import order_specs_random, orders_bulk_create

    existing = Order.objects.filter(number__startswith=PREFIX).count()
    if existing == count:
        return 0.0
    if existing:
        sys.exit(f"{existing} bench orders already, not {count}: use a new database copy")
    started = time.perf_counter()
    start = timezone.now() - timedelta(days=365)
    specs = order_specs_random(shops=shops, count=count, start=start, days=365)
    with transaction.atomic():
        orders_bulk_create(specs, prefix=PREFIX)
    return time.perf_counter() - started


def timed(label: str, function, *, runs: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            function()
            seconds.append(time.perf_counter() - started)
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    print(
        f"{label:<44} median {statistics.median(seconds) * 1000:8.1f} ms   "
        f"p95 {p95 * 1000:8.1f} ms   {len(queries.captured_queries)} queries"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--shops", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.utils import timezone
    from django.utils.translation import activate

    from orne_site.figures import selectors
    from orne_site.figures.dashboard import dashboard_build
    from orne_site.figures.public import public_figures_compute
    from orne_site.figures.selectors import Period

    if connection.vendor != "postgresql":
        sys.exit("Point DATABASE_URL at a PostgreSQL database of your own.")
    activate("fr")
    shops = shops_ensure(args.shops)
    written = orders_ensure(shops=shops, count=args.orders)
    if written:
        print(f"{args.orders} orders written in {written:.1f} s (bulk_create)")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    today = timezone.localdate()
    year = Period(start=today - timedelta(days=364), end=today, step="month")
    weeks = Period(start=today - timedelta(days=90), end=today, step="week")
    print(f"PostgreSQL, {args.shops} shops, {args.orders} orders over 365 days, {args.runs} runs")
    timed(
        "dashboard, 12 months by month (all tables)",
        lambda: dashboard_build(period=year),
        runs=args.runs,
    )
    timed(
        "dashboard, 13 weeks by week (all tables)",
        lambda: dashboard_build(period=weeks),
        runs=args.runs,
    )
    for name, call in (
        ("orders_by_step", lambda: selectors.orders_by_step(year)),
        ("orders_by_shop", lambda: selectors.orders_by_shop(year)),
        ("orders_by_commune", lambda: selectors.orders_by_commune(year, empty="")),
        (
            "orders_by_intercommunality",
            lambda: selectors.orders_by_intercommunality(year, empty=""),
        ),
        ("orders_by_fulfilment", lambda: selectors.orders_by_fulfilment(year)),
        ("shop_counts", lambda: selectors.shop_counts(no_intercommunality="")),
        ("articles_online_count", selectors.articles_online_count),
    ):
        timed(f"  selector {name}", call, runs=args.runs)
    timed("/chiffres/ computation (public_figures_compute)", public_figures_compute, runs=args.runs)


if __name__ == "__main__":
    main()
