"""The public results (/chiffres/): computed once a day, stored, read by the page as they are.

Steps of `public_figures_publish`:
1. count the active shops and the articles online;
2. one grouped query gives each shop's orders and sales by month (sales as the council's
   dashboard counts them: not cancelled, net of partial refunds, see selectors);
3. by month and by intercommunality, groups of fewer than 3 shops are merged or hidden
   (protection.groups_protect), so no figure is one shop's turnover;
4. the result is stored as one PublicFigures row; older rows are pruned.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from merchants.models import Merchant
from orne_site.figures.models import PublicFigures
from orne_site.figures.protection import (
    MIN_SHOPS,
    Cell,
    ProtectedGroup,
    groups_protect,
    protected_total,
)
from orne_site.figures.selectors import (
    Period,
    articles_online_count,
    order_placed,
    order_shop,
    orders_grouped,
)

KEEP = 30  # days of history kept, for whoever asks what the page said last week
SINCE = date(2020, 1, 1)  # before the marketplace opened: every order counts


def _cells_by_month_and_shop(*, today: date) -> dict[tuple[str, int], Cell]:
    rows = orders_grouped(
        Period(start=SINCE, end=today), month=order_placed("month"), shop=order_shop("pk")
    )
    cells = {}
    for row in rows:
        month = row["month"]
        if isinstance(month, datetime):
            month = timezone.localtime(month).date()
        sales = (row["gross"] or Decimal("0.00")) - (row["partial"] or Decimal("0.00"))
        if row["n_orders"]:
            cells[(month.strftime("%Y-%m"), row["shop"])] = Cell(row["n_orders"], sales)
    return cells


def _as_json(group: ProtectedGroup, **extra) -> dict:
    return {
        "key": group.key,
        "shops": group.shops,
        "orders": group.orders,
        "amount": str(group.amount),
        **extra,
    }


def public_figures_compute(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    cells = _cells_by_month_and_shop(today=today)
    shops = {
        row["pk"]: row
        for row in Merchant.objects.values(
            "pk", "is_active", "commune__intercommunality__code", "commune__intercommunality__name"
        )
    }
    by_month: dict[str, dict[int, Cell]] = defaultdict(dict)
    by_epci: dict[str, dict[int, Cell]] = defaultdict(dict)
    epci_names = {}
    for (month, shop), cell in sorted(cells.items()):
        by_month[month][shop] = cell
        epci = shops.get(shop, {}).get("commune__intercommunality__code") or ""
        epci_names[epci] = shops.get(shop, {}).get("commune__intercommunality__name") or ""
        before = by_epci[epci].get(shop)
        # A shop sells in many months: its intercommunality gets the sum of them.
        by_epci[epci][shop] = (
            Cell(before.orders + cell.orders, before.amount + cell.amount) if before else cell
        )
    # The biggest first; the merged group, if any, comes last.
    epci_order = sorted(by_epci, key=lambda k: (-sum(c.amount for c in by_epci[k].values()), k))
    total = protected_total(by_month)
    return {
        "shops": sum(1 for row in shops.values() if row["is_active"]),
        "articles": articles_online_count(),
        "min_shops": MIN_SHOPS,
        "total": _as_json(total) if total else None,
        "months": [_as_json(g) for g in groups_protect(dict(sorted(by_month.items())))],
        "intercommunalities": [
            _as_json(g, label=epci_names.get(g.key, "") if g.key else "")
            for g in groups_protect({k: by_epci[k] for k in epci_order})
        ],
    }


def public_figures_publish(*, now: datetime | None = None) -> PublicFigures:
    now = now or timezone.now()
    data = public_figures_compute(today=timezone.localdate(now))
    with transaction.atomic():
        published = PublicFigures.objects.create(computed_at=now, data=data)
        stale = PublicFigures.objects.order_by("-computed_at").values_list("pk", flat=True)[KEEP:]
        PublicFigures.objects.filter(pk__in=list(stale)).delete()
    return published


def public_figures_latest() -> PublicFigures | None:
    return PublicFigures.objects.order_by("-computed_at").first()
