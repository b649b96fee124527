"""Load and fault bench: the production stack on 127.0.0.1, driven by Locust.

    .venv/bin/python bench/load_bench.py --database-url postgres://postgres@127.0.0.1:5432/orne_load

Starts redis-server, moto's S3 server, localstripe, OpenSearch (tools/search-engines), two
gunicorn app processes (2 workers each) on two ports, two ``db_worker``s and the scheduler,
all with the production settings, on a PostgreSQL database that it migrates and seeds
(``seed_demo``) when empty. Then, each bounded in time:

1. browse mix (Locust ``Browser``): req/s, p50/p95 per page, errors;
2. buy mix (Locust ``Buyer``): real HTTP checkout, payment on localstripe;
3. contention: 100 buyers at once for an article with stock 10, over both ports;
4. faults under browse + buy: kill an app process, stop Redis, freeze the search engine
   (SIGSTOP), SIGKILL a worker mid-task; each is undone before the next;
5. ``hold`` (only when asked): keep the stack up, to look at it by hand, until Ctrl-C.

Prints the figures as tables and stops everything it started (finally + SIGINT/SIGTERM).
``--app-env NAME=VALUE`` passes settings to the app processes (for instance a page cache
switched on or off). Every port is ``--port-base`` + a fixed offset (see PORTS).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from load_report import fault_table, page_table, print_table  # noqa: E402
from shopper import Shopper  # noqa: E402
from stack import BIN, ROOT, Stack, answers, wait_for  # noqa: E402

PORTS = {"redis": 0, "app_a": 1, "app_b": 2, "localstripe": 3, "s3": 4, "search": 10}
BUCKET = "orne-load-bench"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("LOAD_BENCH_DATABASE_URL"))
    parser.add_argument("--port-base", type=int, default=18450)
    parser.add_argument("--seconds", type=int, default=60, help="per load phase")
    parser.add_argument("--fault-seconds", type=int, default=30, help="per fault step")
    parser.add_argument("--browsers", type=int, default=30, help="Locust users, browse mix")
    parser.add_argument(
        "--think",
        default="1,2",
        help="browse mix: seconds between a user's pages, min,max "
        "(0,0 = each user sends its next request at once: the stack's capacity)",
    )
    parser.add_argument("--buyers", type=int, default=6, help="Locust users, buy mix")
    parser.add_argument("--contenders", type=int, default=100)
    parser.add_argument("--products", type=int, default=800, help="seed_demo --products")
    parser.add_argument("--merchants", type=int, default=40, help="seed_demo --merchants")
    parser.add_argument("--app-env", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument(
        "--phases", default="browse,buy,contention,faults", help="comma separated subset"
    )
    args = parser.parse_args()
    if not args.database_url or not args.database_url.startswith("postgres"):
        parser.error("--database-url postgres://… (or LOAD_BENCH_DATABASE_URL) is required")
    return args


def stack_env(args, ports: dict[str, int], var: Path) -> dict[str, str]:
    a, b = (f"http://127.0.0.1:{ports[k]}" for k in ("app_a", "app_b"))
    localstripe = f"http://127.0.0.1:{ports['localstripe']}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "orne_site.settings.production",
        "SECRET_KEY": "load-bench-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CSRF_TRUSTED_ORIGINS": f"{a},{b}",
        "BASE_URL": a,
        # Plain HTTP on loopback: no TLS redirect, no HSTS (the cookies stay Secure).
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": args.database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/0",
        "TASK_BACKEND": "database",
        "SEARCH_INDEX_PREFIX": "orne_load_bench_",
        "MEDIA_STORAGE_URL": f"s3://{BUCKET}?endpoint_url=http://127.0.0.1:{ports['s3']}",
        "AWS_ACCESS_KEY_ID": "load-bench",
        "AWS_SECRET_ACCESS_KEY": "load-bench",
        "AWS_DEFAULT_REGION": "us-east-1",
        "STRIPE_API_BASE": localstripe,
        "STRIPE_JS_URL": f"{localstripe}/js.stripe.com/v3/",
        "STRIPE_SECRET_KEY": "sk_test_localstripe",
        "STRIPE_PUBLISHABLE_KEY": "pk_test_localstripe",
        "STRIPE_WEBHOOK_SECRET": "whsec_localstripe",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "VAR_DIR": str(var),
        # A worker killed mid-task is found lost within a fault step (production: 10 s / 120 s).
        "TASK_WORKER_HEARTBEAT": "1",
        "TASK_WORKER_LOST_AFTER": "8",
    }


def manage(env: dict, *command: str) -> None:
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def start_services(stack: Stack, ports: dict, env: dict, var: Path) -> dict:
    """redis, S3, localstripe, OpenSearch; returns the processes a fault acts on."""
    redis_command = ["redis-server", "--port", str(ports["redis"]), "--bind", "127.0.0.1"]
    redis = stack.add("redis", [*redis_command, "--save", ""], env=env)
    stack.add("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(ports["s3"])], env=env)
    localstripe_command = [str(BIN / "localstripe"), "--port", str(ports["localstripe"])]
    stack.add("localstripe", [*localstripe_command, "--from-scratch"], env=env)
    for name, url in (
        ("S3", f"http://127.0.0.1:{ports['s3']}/moto-api/"),
        ("localstripe", f"{env['STRIPE_API_BASE']}/js.stripe.com/v3/"),
    ):
        wait_for(lambda url=url: answers(url), seconds=60, what=name)
    import boto3

    boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{ports['s3']}",
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
        region_name=env["AWS_DEFAULT_REGION"],
    ).create_bucket(Bucket=BUCKET)
    env["SEARCH_URL"] = stack.search_engine_start(port=ports["search"], home=var / "opensearch")
    return {"redis": redis}


def start_apps(stack: Stack, ports: dict, env: dict, app_env: dict) -> dict:
    apps = {}
    for key in ("app_a", "app_b"):
        command = [
            str(BIN / "gunicorn"), "orne_site.wsgi:application",
            "--bind", f"127.0.0.1:{ports[key]}", "--workers", "2", "--timeout", "30",
        ]  # fmt: skip
        apps[key] = stack.add(key, command, env={**env, **app_env})
    for n in (1, 2):
        command = [sys.executable, "manage.py", "db_worker", "--queue-name", "*"]
        apps[f"worker_{n}"] = stack.add(
            f"worker_{n}", [*command, "--worker-id", f"load-bench-{n}"], env=env
        )
    # The scheduler runs again a task whose worker died mid-run (tasks_recover_lost), as in
    # production (docs/deployment.md); a short tick so the worker fault step sees it.
    scheduler = [sys.executable, "manage.py", "run_scheduler", "--tick", "2"]
    apps["scheduler"] = stack.add("scheduler", scheduler, env=env)
    for key in ("app_a", "app_b"):
        url = f"http://127.0.0.1:{ports[key]}/healthz"
        wait_for(lambda url=url: answers(url), seconds=120, what=key)
    return apps


def seed_and_configure(env: dict, var: Path, *, products: int, merchants: int) -> None:
    manage(env, "migrate", "--noinput", "-v", "0")
    if not (var / "static" / "staticfiles.json").exists():
        # Compressing every file takes minutes on a busy machine: once per checkout.
        manage(env, "collectstatic", "--noinput", "-v", "0")
    os.environ.update(env)
    import django

    django.setup()
    from merchants.models import Merchant

    # The engine answers slowly while seeding fills it on a busy machine: wait longer.
    patient = {**env, "SEARCH_TIMEOUT": "60"}
    if not Merchant.objects.exists():
        manage(patient, "seed_demo", "--products", str(products), "--merchants", str(merchants))
    manage(patient, "search_rebuild")
    manage(env, "localstripe_webhook")


def bench_shop():
    """A shop open every hour of every day (a pickup slot always exists), made once."""
    from datetime import time as clock

    from merchants.models import Commune, Merchant
    from merchants.services.onboarding import ShopDetails, merchant_onboard
    from tests.factories import merchant_hours_set

    shop = Merchant.objects.filter(name="Banc d'essai").first()
    if shop is None:
        shop = merchant_onboard(
            details=ShopDetails(
                name="Banc d'essai",
                commune=Commune.objects.get(insee_code="61001"),
                email="banc-essai@example.org",
            ),
            password="banc-d-essai-de-charge-61",
            notify=False,
        )
        merchant_hours_set(merchant=shop, hours=[(d, clock(0), clock(23, 59)) for d in range(7)])
    return shop


def article(shop, *, title: str, stock: int):
    from decimal import Decimal

    from tests.factories import MerchantStockRecordFactory

    record = MerchantStockRecordFactory(
        merchant=shop,
        price_incl_tax=Decimal("9.90"),
        num_in_stock=stock,
        product__title=title,
        partner_sku=f"BANC-{time.time_ns()}",
    )
    return record


def pages_to_visit(*, localstripe: str, buy: list) -> dict:
    from urllib.parse import urlsplit

    from oscar.core.loading import get_model

    from merchants.models import MerchantIndexPage, MerchantPage

    Product = get_model("catalogue", "Product")
    products = list(Product.objects.filter(stockrecords__isnull=False)[:300])
    words = sorted({w.lower() for p in products for w in p.title.split() if len(w) >= 5})
    return {
        "shops": urlsplit(MerchantIndexPage.objects.live().first().get_url()).path,
        "shop_pages": [urlsplit(p.get_url()).path for p in MerchantPage.objects.live()[:60]],
        "products": [p.get_absolute_url() for p in products],
        "words": words[:80] or ["camembert"],
        "buy": [{"path": r.product.get_absolute_url(), "pk": r.product.pk} for r in buy],
        "localstripe": localstripe,
    }


class Locust:
    """One headless Locust run in the background; ``figures()`` waits for its end."""

    def __init__(
        self, *, classes, users: int, seconds: int, hosts: list, data: Path, var: Path, think: str
    ):
        self.out = var / f"locust-{time.time_ns()}.json"
        env = {
            **os.environ,
            "LOAD_BENCH_THINK": think,
            "LOAD_BENCH_DATA": str(data),
            "LOAD_BENCH_HOSTS": ",".join(hosts),
            "LOAD_BENCH_OUT": str(self.out),
        }
        command = [
            str(BIN / "locust"), "-f", str(BENCH / "locustfile.py"), "--headless",
            "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
            "--stop-timeout", "30", "--only-summary", "--loglevel", "WARNING", *classes,
        ]  # fmt: skip
        log = (var / "locust.log").open("ab")
        self.popen = subprocess.Popen(command, env=env, stdout=log, stderr=log)

    def figures(self) -> dict:
        self.popen.wait(timeout=600)
        return json.loads(self.out.read_text())


def warm_up(hosts: list[str], pages: dict) -> None:
    """Each page type a few times on each process, so that its workers have loaded their
    templates and connections before anything is measured."""
    paths = ["/", pages["shops"], pages["shop_pages"][0], pages["products"][0],
             f"/recherche/?q={pages['words'][0]}", "/api/search/autocomplete/?q=cam"]  # fmt: skip
    for host in hosts:
        for path in paths * 3:
            try:
                requests.get(host + path, timeout=60)
            except requests.RequestException:
                pass


def contention(*, hosts, localstripe, shop, buyers: int, stock: int = 10) -> dict:
    from django.utils import timezone
    from load_audit import payments_since, sold

    record = article(shop, title="Dernier camembert de la tournée", stock=stock)
    since = timezone.now()
    start = threading.Barrier(buyers)

    def one(n: int) -> str:
        shopper = Shopper(requests.Session(), hosts=hosts, first=n, localstripe=localstripe)
        start.wait()
        try:
            return shopper.buy(product_path=record.product.get_absolute_url(),
                               product_pk=record.product.pk)  # fmt: skip
        except requests.RequestException:
            return "erreur"

    with ThreadPoolExecutor(max_workers=buyers) as pool:
        outcomes = Counter(pool.map(one, range(buyers)))
    payments = payments_since(since=since, localstripe=localstripe)
    in_orders, allocated = sold(stockrecord_pk=record.pk)
    return {"outcomes": outcomes, "payments": payments, "sold": in_orders, "allocated": allocated}


def main() -> None:
    args = arguments()
    ports = {name: args.port_base + offset for name, offset in PORTS.items()}
    var = ROOT / "var" / "load-bench"
    var.mkdir(parents=True, exist_ok=True)
    env = stack_env(args, ports, var)
    app_env = dict(item.split("=", 1) for item in args.app_env)
    stack = Stack(var)

    def interrupted(signum, frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)
    try:
        run(args, stack, ports, env, app_env, var)
    finally:
        stack.stop_all()
        print(f"Every process started by the bench is stopped (logs in {var}).")


def run(args, stack: Stack, ports: dict, env: dict, app_env: dict, var: Path) -> None:
    from faults import fault_steps

    phases = set(args.phases.split(","))
    services = start_services(stack, ports, env, var)
    seed_and_configure(env, var, products=args.products, merchants=args.merchants)
    apps = start_apps(stack, ports, env, app_env)
    hosts = [f"http://127.0.0.1:{ports[k]}" for k in ("app_a", "app_b")]
    shop = bench_shop()
    buy = [article(shop, title=f"Sablé de la tournée {n}", stock=1_000_000) for n in range(5)]
    data = Path(tempfile.mkstemp(suffix=".json", dir=var)[1])
    pages = pages_to_visit(localstripe=env["STRIPE_API_BASE"], buy=buy)
    data.write_text(json.dumps(pages))
    warm_up(hosts, pages)
    print(f"Stack up: apps {hosts}, app settings {app_env or 'as on this branch'}.")

    def locust(classes, users, seconds):
        return Locust(
            classes=classes,
            users=users,
            seconds=seconds,
            hosts=hosts,
            data=data,
            var=var,
            think=args.think,
        )

    if "browse" in phases:
        figures = locust(["Browser"], args.browsers, args.seconds).figures()
        title = f"Browse mix, {args.browsers} users, think {args.think} s, {args.seconds} s"
        print_table(title, *page_table(figures))
    if "buy" in phases:
        from django.utils import timezone
        from load_audit import payments_since

        since = timezone.now()
        figures = locust(["Buyer"], args.buyers, args.seconds).figures()
        payments = payments_since(since=since, localstripe=env["STRIPE_API_BASE"])
        print_table(f"Buy mix, {args.buyers} users, {args.seconds} s", *page_table(figures))
        print(f"Purchases: {dict(figures['outcomes'])}; {payments}")
    if "contention" in phases:
        result = contention(
            hosts=hosts, localstripe=env["STRIPE_API_BASE"], shop=shop, buyers=args.contenders
        )
        print_table(
            f"Contention: {args.contenders} buyers, stock 10, both ports",
            ["figure", "value"],
            [
                ["sold (order lines)", result["sold"]],
                ["allocated on the stock record", result["allocated"]],
                *[[f"buyers: {k}", v] for k, v in sorted(result["outcomes"].items())],
                ["charged", result["payments"].charged],
                ["charged → order", result["payments"].ordered],
                ["charged → refund", result["payments"].refunded],
                ["charged, lost", result["payments"].lost],
            ],
        )
    if "faults" in phases:
        steps = fault_steps(
            stack=stack, apps=apps, services=services, locust=locust, args=args,
            localstripe=env["STRIPE_API_BASE"],
        )  # fmt: skip
        print_table("Faults under browse + buy", *fault_table(steps))
    if "hold" in phases:
        # For looking at the stack by hand (a profiler, curl, a browser) with the same
        # processes and data as the phases: it stays up until Ctrl-C or SIGTERM.
        print(f"Holding the stack up ({hosts[0]}, {hosts[1]}); Ctrl-C stops it.", flush=True)
        while True:
            time.sleep(60)


if __name__ == "__main__":
    main()
