"""What a merchant's admin home shows: the day's work and how the shop is doing.

Reads only, each from merchants.order_selectors.orders_for_user (scoped) or the merchant's
own partner. Days and weeks are Paris days: "today" for a shop in the Orne starts at
midnight in Paris, not in UTC. A fixed number of queries whatever the number of orders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Order
from commerce.order.statuses import OrderStatus
from commerce.partner.stock import free_stock_expression
from merchants.models import Merchant
from merchants.order_selectors import orders_for_user

StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")

TO_PREPARE = (OrderStatus.RECEIVED, OrderStatus.PREPARING)
NOT_SOLD = (OrderStatus.CANCELLED,)
LIST_LIMIT = 10


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass
class SlotGroup:
    starts_at: datetime
    ends_at: datetime | None
    orders: list[Order] = field(default_factory=list)


def pickups_by_slot(*, user, day: date) -> list[SlotGroup]:
    """Click & collect orders still to hand over on ``day``, grouped by slot."""
    start = _day_start(day)
    orders = orders_for_user(user=user).filter(
        fulfilment_mode=FulfilmentMode.CLICK_COLLECT,
        status__in=(*TO_PREPARE, OrderStatus.READY),
        pickup_starts_at__gte=start,
        pickup_starts_at__lt=start + timedelta(days=1),
    )
    groups: dict[tuple, SlotGroup] = {}
    for order in orders.order_by("pickup_starts_at", "number"):
        key = (order.pickup_starts_at, order.pickup_ends_at)
        groups.setdefault(key, SlotGroup(*key)).orders.append(order)
    return list(groups.values())


def orders_to_prepare(*, user) -> list[Order]:
    return list(
        orders_for_user(user=user)
        .filter(status__in=TO_PREPARE)
        .order_by("due_at", "number")[:LIST_LIMIT]
    )


def deliveries_to_make(*, user) -> list[Order]:
    return list(
        orders_for_user(user=user)
        .filter(
            fulfilment_mode=FulfilmentMode.DELIVERY,
            status__in=(*TO_PREPARE, OrderStatus.SHIPPED),
        )
        .order_by("date_placed", "number")[:LIST_LIMIT]
    )


@dataclass(frozen=True)
class Sales:
    week: Decimal
    month: Decimal
    week_count: int
    month_count: int


def sales_figures(*, user, today: date) -> Sales:
    """Sales incl. VAT of the week (from Monday) and of the month, cancelled orders left out."""
    week_start = _day_start(today - timedelta(days=today.weekday()))
    month_start = _day_start(today.replace(day=1))
    since = min(week_start, month_start)
    in_week, in_month = Q(date_placed__gte=week_start), Q(date_placed__gte=month_start)
    totals = (
        orders_for_user(user=user)
        .filter(date_placed__gte=since)
        .exclude(status__in=NOT_SOLD)
        .aggregate(
            week=Sum("total_incl_tax", filter=in_week, default=Decimal("0")),
            month=Sum("total_incl_tax", filter=in_month, default=Decimal("0")),
            week_count=Count("pk", filter=in_week),
            month_count=Count("pk", filter=in_month),
        )
    )
    return Sales(**totals)


def low_stock_records(*, merchant: Merchant) -> list:
    """The shop's articles on sale whose free stock is at or below the shop's threshold."""
    return list(
        StockRecord.objects.filter(partner_id=merchant.partner_id, product__is_public=True)
        .annotate(free=free_stock_expression())
        .filter(free__lte=merchant.low_stock_threshold)
        .select_related("product")
        .order_by("free", "product__title")[:LIST_LIMIT]
    )


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    url: str = ""


def shop_checklist_state(*, merchant: Merchant) -> dict[str, bool]:
    """What a new shop has done of its first steps (the labels are the panel's)."""
    page = getattr(merchant, "page", None)
    delivers_somewhere = (
        merchant.delivery_communes.exists() or merchant.delivery_intercommunalities.exists()
    )
    return {
        "page_published": bool(page is not None and page.live),
        "opening_hours": merchant.opening_periods.exists(),
        "delivery_area": delivers_somewhere if merchant.offers_delivery else True,
        "article_with_photo": ProductImage.objects.filter(
            product__stockrecords__partner_id=merchant.partner_id
        ).exists(),
    }
