"""What load_bench.py reads back after each phase: payments, orders, refunds, tasks.

Runs inside the bench's own Django (production settings, the bench database). A charge is
"lost" when localstripe took the money and the site has neither an order nor a refund for
its checkout: the one outcome a fault must never produce.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import requests


@dataclass
class Payments:
    charged: int
    ordered: int
    refunded: int
    lost: int


def localstripe_charges(localstripe: str) -> dict[str, dict]:
    """Every succeeded charge on localstripe, by payment intent."""
    charges, after = {}, None
    while True:
        params = {"limit": 100, **({"starting_after": after} if after else {})}
        page = requests.get(
            f"{localstripe}/v1/charges",
            params=params,
            auth=("sk_test_localstripe", ""),
            timeout=30,
        ).json()
        for charge in page["data"]:
            if charge.get("status") == "succeeded" and charge.get("payment_intent"):
                charges[charge["payment_intent"]] = charge
        if not page.get("has_more") or not page["data"]:
            return charges
        after = page["data"][-1]["id"]


def payments_since(*, since: datetime, localstripe: str, settle_seconds: float = 20) -> Payments:
    """Charges of the checkouts created since ``since``, and what became of each.

    A charged checkout may still be on its way to its orders (the browser's return or the
    webhook in flight): it is given ``settle_seconds`` before being counted lost.
    """
    from commerce.order.models import Checkout

    deadline = time.monotonic() + settle_seconds
    while True:
        charges = localstripe_charges(localstripe)
        checkouts = list(
            Checkout.objects.filter(
                created_at__gte=since, payment_intent_id__in=list(charges)
            ).prefetch_related("orders", "refunds")
        )
        ordered = refunded = lost = 0
        for checkout in checkouts:
            charge = charges[checkout.payment_intent_id]
            refunds = sum((r.amount for r in checkout.refunds.all()), Decimal(0))
            if checkout.orders.all():
                ordered += 1
            elif refunds * 100 >= charge["amount"] or charge.get("refunded"):
                refunded += 1
            else:
                lost += 1
        if lost == 0 or time.monotonic() > deadline:
            return Payments(len(checkouts), ordered, refunded, lost)
        time.sleep(1)


def tasks_by_status(*, since: datetime) -> dict[str, int]:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(enqueued_at__gte=since).values("status")
    return {row["status"]: row["n"] for row in rows.annotate(n=Count("id"))}


def task_running_on(worker_id: str) -> bool:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.running().filter(worker_ids__contains=[worker_id]).exists()


def tasks_finished_since(moment: datetime) -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.successful().filter(finished_at__gte=moment).count()


def tasks_waiting() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def sold(*, stockrecord_pk: int) -> tuple[int, int]:
    """Units of one article in orders, and what its stock record says is allocated."""
    from django.db.models import Sum
    from oscar.core.loading import get_model

    Line = get_model("order", "Line")
    StockRecord = get_model("partner", "StockRecord")
    record = StockRecord.objects.get(pk=stockrecord_pk)
    in_orders = Line.objects.filter(stockrecord=record).aggregate(n=Sum("quantity"))["n"] or 0
    return in_orders, record.num_allocated or 0


def tasks_running() -> int:
    """Rows marked running: after the queue drained, what a killed worker left behind."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.running().count()
