"""Server time and SQL queries of each public page type, warm, on a seeded database.

Prints figures; not a test (the query counts are pinned in
tests/integration/test_page_queries.py). Run on a copy of the bench data (never on the
original), SQLite and PostgreSQL:

    cp /path/to/bench100k.sqlite3 var/bench.sqlite3
    DATABASE_URL=sqlite:///var/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:///var/bench.sqlite3 .venv/bin/python bench/pages_bench.py

    createdb -T orne_bench orne_bench_copy
    DATABASE_URL=postgres://…/orne_bench_copy .venv/bin/python bench/pages_bench.py

What is measured: each page through Django's test Client in this process (URL routing,
middleware, Wagtail's serve, templates; no network, no page cache, the development
settings' in-process cache), after --warmup requests, then --repeat timed requests:
median and 95th percentile in ms, the SQL queries of the last request and the size of the
page. The pages are found in the data (the first shop, its first article, the first
category...), so any seed works.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orne_site.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from merchants.models import MerchantPage  # noqa: E402
from tests.page_types import page_urls  # noqa: E402

Product = get_model("catalogue", "Product")


def measure(client: Client, url: str, *, warmup: int, repeat: int) -> dict:
    response = None
    for _ in range(warmup):
        response = client.get(url, follow=True)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url, follow=True)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, follow=True)
    timings.sort()
    return {
        "status": response.status_code,
        "median": statistics.median(timings),
        "p95": timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))],
        "queries": len(captured),
        "kb": len(response.content) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", help="measure only the page types containing this word")
    parser.add_argument("--show-queries", action="store_true", help="print each page's SQL")
    args = parser.parse_args()
    products = Product.objects.filter(is_public=True).count()
    shops = MerchantPage.objects.live().count()
    print(f"{connection.vendor}: {products} public products, {shops} shop pages")
    print(f"{'page':<20} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'KB':>7}")
    client = Client()
    for name, url in page_urls().items():
        if args.only and args.only not in name:
            continue
        repeat = args.repeat if name != "listing, no query" else max(3, args.repeat // 5)
        r = measure(client, url, warmup=args.warmup, repeat=repeat)
        print(
            f"{name:<20} {r['status']:>6} {r['median']:>10.1f} {r['p95']:>8.1f} "
            f"{r['queries']:>8} {r['kb']:>7.1f}"
        )
        if args.show_queries:
            with CaptureQueriesContext(connection) as captured:
                client.get(url, follow=True)
            for query in captured:
                print("    ", query["sql"][:300])


if __name__ == "__main__":
    main()
