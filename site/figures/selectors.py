"""The council's figures: shops, articles, orders and money, each from one grouped query.

Sales never include what was cancelled or given back: an order's sales are its total incl.
VAT minus its partial refunds (commerce.payment.Refund, kind ORDER_PARTIAL), and only for
orders that are not cancelled (commerce.order.statuses.OrderStatus.CANCELLED). Cancelled
orders and every refund are counted apart. An order belongs to one shop, stored on it at
placement (Order.partner): grouping joins the order's one partner, merchant and commune,
never its lines, so no order is counted once per line.

The dashboard costs the same fixed number of queries whatever the number of orders: one
per table (`dashboard_figures` lists them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Literal

from django.db.models import Count, DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Order
from commerce.order.statuses import OrderStatus
from commerce.payment.models import Refund
from merchants.models import Merchant, MerchantApplication
from orne_site.opendata.datasets import online_stockrecords

Step = Literal["week", "month"]
ZERO = Decimal("0.00")
MONEY = DecimalField(max_digits=14, decimal_places=2)
CANCELLED = Q(status=OrderStatus.CANCELLED)


@dataclass(frozen=True)
class Period:
    """From `start` to `end` included (local dates), counted by week or by month."""

    start: date
    end: date
    step: Step = "month"

    def bounds(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tzinfo=tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tzinfo=tz),
        )


def period_default(*, today: date | None = None) -> Period:
    """The last twelve months, this one included, by month."""
    today = today or timezone.localdate()
    year, month = today.year, today.month - 11
    if month < 1:
        year, month = year - 1, month + 12
    return Period(start=date(year, month, 1), end=today, step="month")


@dataclass
class OrderFigures:
    """What a group of orders weighs: sales are net of partial refunds, cancelled apart."""

    orders: int = 0
    sales: Decimal = ZERO
    cancelled_orders: int = 0
    cancelled_amount: Decimal = ZERO
    refunded: Decimal = ZERO

    @property
    def average_basket(self) -> Decimal | None:
        return (self.sales / self.orders).quantize(Decimal("0.01")) if self.orders else None

    def add(self, other: OrderFigures) -> None:
        self.orders += other.orders
        self.sales += other.sales
        self.cancelled_orders += other.cancelled_orders
        self.cancelled_amount += other.cancelled_amount
        self.refunded += other.refunded


@dataclass
class Group:
    """One row of a table: its key (for sorting and export), its label and its figures."""

    key: str
    label: str
    figures: OrderFigures = field(default_factory=OrderFigures)
    count: int = 0  # for counts of shops or applications


# A grouping key, given the path from the queried model to the order ("" from Order,
# "order__" from Refund): the same key groups an order and its refunds alike.
OrderKey = Callable[[str], Combinable]


def order_field(path: str) -> OrderKey:
    """The order's value at ``path``, a plain column or a join (never a subquery)."""
    return lambda to_order: F(f"{to_order}{path}")


def order_shop(path: str) -> OrderKey:
    """The value at ``path`` (from Merchant) of the order's shop, joined through Order.partner."""
    return order_field(f"partner__merchant__{path}")


def order_placed(step: Step) -> OrderKey:
    """The month or the week (Paris time) the order was placed in."""
    trunc = TruncMonth if step == "month" else TruncWeek
    return lambda to_order: trunc(f"{to_order}date_placed")


NO_COUNT, NO_AMOUNT = Value(0), Value(ZERO, output_field=MONEY)
# The same columns in the same order on both sides of the UNION: what each table adds.
ORDER_FIGURES = {
    "n_orders": Count("pk", filter=~CANCELLED),
    "gross": Sum("total_incl_tax", filter=~CANCELLED),
    "partial": NO_AMOUNT,
    "n_cancelled": Count("pk", filter=CANCELLED),
    "cancelled": Sum("total_incl_tax", filter=CANCELLED),
    "refunded": NO_AMOUNT,
}
REFUND_FIGURES = {
    "n_orders": NO_COUNT,
    "gross": NO_AMOUNT,
    "partial": Sum(
        "amount", filter=Q(kind=Refund.Kind.ORDER_PARTIAL) & ~Q(order__status=OrderStatus.CANCELLED)
    ),
    "n_cancelled": NO_COUNT,
    "cancelled": NO_AMOUNT,
    "refunded": Sum("amount"),
}


def _figures(row: dict) -> OrderFigures:
    return OrderFigures(
        orders=row["n_orders"],
        sales=(row["gross"] or ZERO) - (row["partial"] or ZERO),
        cancelled_orders=row["n_cancelled"],
        cancelled_amount=row["cancelled"] or ZERO,
        refunded=row["refunded"] or ZERO,
    )


def _grouped(
    queryset: QuerySet, keys: dict[str, OrderKey], *, to_order: str, figures: dict
) -> QuerySet:
    expressions = {name: key(to_order) for name, key in keys.items()}
    return queryset.annotate(**expressions).values(*keys).annotate(**figures).order_by()


def orders_grouped(period: Period, **keys: OrderKey) -> list[dict]:
    """The figures of the orders placed in ``period``, one row per value of ``keys``.

    One query: the orders grouped, UNION ALL their refunds grouped by the same keys, the
    two rows of a group added up here. Joining the refunds to the orders instead would
    count an order once per refund; a subquery per order costs a lookup per order (and,
    on PostgreSQL, a plan expensive enough to be compiled each time).
    """
    start, end = period.bounds()
    orders = Order.objects.filter(date_placed__gte=start, date_placed__lt=end)
    refunds = Refund.objects.filter(order__date_placed__gte=start, order__date_placed__lt=end)
    both = _grouped(orders, keys, to_order="", figures=ORDER_FIGURES).union(
        _grouped(refunds, keys, to_order="order__", figures=REFUND_FIGURES), all=True
    )
    groups: dict[tuple, dict] = {}
    for row in both:
        group = groups.setdefault(
            tuple(row[name] for name in keys), {name: row[name] for name in keys}
        )
        for name in ORDER_FIGURES:
            group[name] = (group.get(name) or 0) + (row[name] or 0)
    return list(groups.values())


def orders_by_step(period: Period) -> list[Group]:
    rows = orders_grouped(period, at=order_placed(period.step))
    groups = []
    for row in sorted(rows, key=lambda r: r["at"]):
        day = timezone.localtime(row["at"]).date() if isinstance(row["at"], datetime) else row["at"]
        groups.append(Group(key=day.isoformat(), label=day.isoformat(), figures=_figures(row)))
    return groups


def _labelled(rows: list[dict], *, key: str, label: str, empty: str) -> list[Group]:
    groups = [
        Group(key=str(row[key] or ""), label=row[label] or empty, figures=_figures(row))
        for row in rows
    ]
    return sorted(groups, key=lambda g: (-g.figures.sales, g.label))


def orders_by_shop(period: Period) -> list[Group]:
    rows = orders_grouped(period, shop=order_shop("pk"), name=order_shop("name"))
    return _labelled(rows, key="shop", label="name", empty="—")


def _orders_by_place(period: Period, *, place: str, code: str, empty: str) -> list[Group]:
    rows = orders_grouped(
        period,
        code=order_shop(f"{place}__{code}"),
        name=order_shop(f"{place}__name"),
    )
    return _labelled(rows, key="code", label="name", empty=empty)


def orders_by_commune(period: Period, *, empty: str) -> list[Group]:
    return _orders_by_place(period, place="commune", code="insee_code", empty=empty)


def orders_by_intercommunality(period: Period, *, empty: str) -> list[Group]:
    return _orders_by_place(period, place="commune__intercommunality", code="code", empty=empty)


def orders_by_fulfilment(period: Period) -> list[Group]:
    labels = dict(FulfilmentMode.choices)
    rows = orders_grouped(period, mode=order_field("fulfilment_mode"))
    return [
        Group(
            key=row["mode"],
            label=str(labels.get(row["mode"], "—")),
            figures=_figures(row),
        )
        for row in sorted(rows, key=lambda r: r["mode"])
    ]


def refunds_outside_orders(period: Period) -> Decimal:
    """Refunds of a whole payment (articles gone before placement...): no shop's sales."""
    start, end = period.bounds()
    total = Refund.objects.filter(
        order__isnull=True, created_at__gte=start, created_at__lt=end
    ).aggregate(total=Sum("amount"))["total"]
    return total or ZERO


@dataclass
class ShopCounts:
    by_status: dict[bool, int]
    by_commune: list[Group]
    by_intercommunality: list[Group]
    by_category: list[Group]
    total: int


def shop_counts(*, no_intercommunality: str) -> ShopCounts:
    """Every shop, counted four ways from one grouped query."""
    rows = (
        Merchant.objects.values(
            "is_active",
            "category",
            "commune__insee_code",
            "commune__name",
            "commune__intercommunality__code",
            "commune__intercommunality__name",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    status: dict[bool, int] = defaultdict(int)
    ways: dict[str, dict[str, Group]] = {"commune": {}, "epci": {}, "category": {}}
    categories = dict(Merchant._meta.get_field("category").choices)
    for row in rows:
        status[row["is_active"]] += row["n"]
        for way, key, label in (
            ("commune", row["commune__insee_code"], row["commune__name"]),
            (
                "epci",
                row["commune__intercommunality__code"] or "",
                row["commune__intercommunality__name"] or no_intercommunality,
            ),
            ("category", row["category"], str(categories.get(row["category"], row["category"]))),
        ):
            group = ways[way].setdefault(key, Group(key=key, label=label))
            group.count += row["n"]

    def ordered(groups: dict[str, Group]) -> list[Group]:
        return sorted(groups.values(), key=lambda g: (-g.count, g.label))

    return ShopCounts(
        by_status=dict(status),
        by_commune=ordered(ways["commune"]),
        by_intercommunality=ordered(ways["epci"]),
        by_category=ordered(ways["category"]),
        total=sum(status.values()),
    )


def articles_online_count() -> int:
    """Offers of public articles by active shops, as the open data and the search count them."""
    return online_stockrecords().order_by().count()


@dataclass(frozen=True)
class ApplicationCounts:
    pending: int
    approved: int
    rejected: int


def application_counts(period: Period) -> ApplicationCounts:
    """Pending now (whenever received), and those decided within the period."""
    start, end = period.bounds()
    decided = Q(decided_at__gte=start, decided_at__lt=end)
    status = MerchantApplication.Status
    counts = MerchantApplication.objects.aggregate(
        pending=Count("pk", filter=Q(status=status.PENDING)),
        approved=Count("pk", filter=Q(status=status.APPROVED) & decided),
        rejected=Count("pk", filter=Q(status=status.REJECTED) & decided),
    )
    return ApplicationCounts(**counts)
