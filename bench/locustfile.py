"""Locust users for bench/load_bench.py: ``Browser`` (browse mix) and ``Buyer`` (buy mix).

Run by load_bench.py, which writes the pages to visit to LOAD_BENCH_DATA (JSON) and reads
the figures back from LOAD_BENCH_OUT: per page, requests, p50/p95, failures, 5xx and
refused connections (an app process that is down), and the buyers' outcomes.
LOAD_BENCH_HOSTS lists the app processes (comma separated); users are spread over them.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from collections import defaultdict

from locust import HttpUser, between, events, task
from shopper import ERROR, Shopper

DATA = json.loads(open(os.environ["LOAD_BENCH_DATA"], encoding="utf-8").read())
HOSTS = os.environ["LOAD_BENCH_HOSTS"].split(",")
NUMBERS = itertools.count()
FIGURES: dict = defaultdict(lambda: {"times": [], "failures": 0, "5xx": 0, "refused": 0})
OUTCOMES: dict = defaultdict(int)
STARTED = time.monotonic()
# Seconds a browser reads each page, "min,max" (LOAD_BENCH_THINK): "1,2" imitates people;
# "0,0" sends the next request as soon as the last answers, which measures capacity.
THINK = [float(s) for s in os.environ.get("LOAD_BENCH_THINK", "1,2").split(",")]


@events.request.add_listener
def tally(name, response_time, response, exception, **kwargs) -> None:
    figures = FIGURES[name]
    figures["times"].append(response_time)
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        figures["5xx"] += 1
    if status == 0:
        figures["refused"] += 1
    if exception is not None or status >= 400 or status == 0:
        figures["failures"] += 1


@events.quitting.add_listener
def write_figures(**kwargs) -> None:
    with open(os.environ["LOAD_BENCH_OUT"], "w", encoding="utf-8") as out:
        json.dump(
            {
                "seconds": time.monotonic() - STARTED,
                "pages": FIGURES,
                "outcomes": OUTCOMES,
            },
            out,
        )


class Browser(HttpUser):
    """An anonymous visitor going from page to page; 1–2 s to read each (LOAD_BENCH_THINK)."""

    host = HOSTS[0]
    wait_time = between(*THINK)

    def on_start(self) -> None:
        self.shopper = Shopper(self.client, hosts=HOSTS, first=next(NUMBERS), localstripe="")

    def visit(self, path: str, name: str) -> None:
        self.shopper.call("GET", path, name)

    @task(1)
    def home(self) -> None:
        self.visit("/", "accueil")

    @task(1)
    def shops(self) -> None:
        self.visit(DATA["shops"], "commerçants")

    @task(2)
    def shop(self) -> None:
        self.visit(random.choice(DATA["shop_pages"]), "boutique")

    @task(3)
    def product(self) -> None:
        self.visit(random.choice(DATA["products"]), "article")

    @task(2)
    def search(self) -> None:
        self.visit(f"/recherche/?q={random.choice(DATA['words'])}", "recherche")

    @task(3)
    def autocomplete(self) -> None:
        word = random.choice(DATA["words"])
        self.visit(f"/api/search/autocomplete/?q={word[:3]}", "autocomplétion")


class Buyer(HttpUser):
    """A shopper buying one article of the bench shop, then starting again (new basket)."""

    host = HOSTS[0]
    wait_time = between(1, 3)

    @task
    def buy(self) -> None:
        self.client.cookies.clear()
        shopper = Shopper(
            self.client,
            hosts=HOSTS,
            first=next(NUMBERS),
            localstripe=DATA["localstripe"],
        )
        article = random.choice(DATA["buy"])
        try:
            outcome = shopper.buy(product_path=article["path"], product_pk=article["pk"])
        except Exception:  # noqa: BLE001 — any failure is one lost sale, counted
            outcome = ERROR
        OUTCOMES[outcome] += 1
