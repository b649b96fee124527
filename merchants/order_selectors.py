"""Reads of a merchant's orders for the back office: the list, one order, its VAT.

Every read starts from `scope_to_merchant` (merchants.scoping): a merchant gets only orders
whose lines are its partner's, council staff every order. The querysets carry what their
screens show (lines, photos, address, checkout) so a screen costs the same few queries for
3 orders as for 30.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Order
from commerce.order.statuses import OrderStatus
from commerce.partner.vat import CENT, VatRate
from merchants.scoping import scope_to_merchant

Line = get_model("order", "Line")
ProductImage = get_model("catalogue", "ProductImage")

MERCHANT_PATH = "lines__partner__merchant"
# Still in the merchant's hands: to prepare, to hand over.
OPEN_STATUSES = (
    OrderStatus.RECEIVED,
    OrderStatus.PREPARING,
    OrderStatus.READY,
    OrderStatus.SHIPPED,
)
KNOWN_RATES = [Decimal(rate.value) for rate in VatRate]


def orders_for_user(*, user) -> QuerySet[Order]:
    """The user's orders, each with its customer, address and checkout in the same query.

    ``due_at`` is when the order is to be handed over: the pickup slot's start, or for a
    delivery the day it was placed (deliveries have no slot; the oldest goes first).
    """
    scoped = scope_to_merchant(Order.objects.all(), user=user, merchant_path=MERCHANT_PATH)
    return (
        Order.objects.filter(pk__in=scoped.values("pk"))
        .select_related("shipping_address__country", "checkout", "user")
        .annotate(due_at=Coalesce("pickup_starts_at", "date_placed"))
    )


def order_list_filter(
    queryset: QuerySet[Order],
    *,
    status: str = "",
    mode: str = "",
    day: date | None = None,
) -> QuerySet[Order]:
    """Filters of the orders list and its export; ``day`` is the hand-over day (Paris time)."""
    if status:
        queryset = queryset.filter(status=status)
    if mode:
        queryset = queryset.filter(fulfilment_mode=mode)
    if day is not None:
        start = timezone.make_aware(datetime.combine(day, time.min))
        queryset = queryset.filter(due_at__gte=start, due_at__lt=start + timedelta(days=1))
    return queryset.order_by("due_at", "number")


def order_for_user(*, user, order_id: int) -> Order:
    """One order with its lines and their photos; Order.DoesNotExist outside the user's scope."""
    lines = Line.objects.select_related(
        "product", "stockrecord", "partner__merchant"
    ).prefetch_related(
        Prefetch("product__images", queryset=ProductImage.objects.order_by("display_order"))
    )
    return (
        orders_for_user(user=user)
        .prefetch_related(Prefetch("lines", queryset=lines.order_by("pk")))
        .get(pk=order_id)
    )


@dataclass(frozen=True)
class Customer:
    name: str
    email: str
    phone: str


def order_customer(*, order: Order) -> Customer:
    """Who to hand the order to and how to reach them (phone asked at checkout)."""
    address = order.shipping_address
    checkout = order.checkout
    name = address.name if address is not None else ""
    if not name and checkout is not None:
        name = checkout.name
    if not name and order.user is not None:
        name = order.user.get_full_name()
    phone = (checkout.phone if checkout is not None else "") or (
        str(address.phone_number) if address is not None and address.phone_number else ""
    )
    return Customer(name=name, email=order.email, phone=phone)


@dataclass(frozen=True)
class VatLine:
    rate: Decimal
    excl_tax: Decimal
    vat: Decimal


def vat_rate_of(*, incl: Decimal, excl: Decimal) -> Decimal:
    # The rate is not stored on the line: it is the one of the known rates the prices fit
    # (a price excl. VAT is rounded to the cent, so the quotient is only close to it).
    if not excl:
        return Decimal("0")
    ratio = (incl / excl - 1) * 100
    return min(KNOWN_RATES, key=lambda rate: abs(rate - ratio))


def order_vat_breakdown(*, order: Order) -> list[VatLine]:
    """VAT per rate over the order's lines and its shipping fee, rates ascending."""
    by_rate: dict[Decimal, list[Decimal]] = {}
    amounts = [
        (line.line_price_incl_tax, line.line_price_excl_tax)
        for line in order.lines.all()
        if line.quantity  # a line the shop took out is worth nothing now
    ]
    if order.shipping_incl_tax:
        amounts.append((order.shipping_incl_tax, order.shipping_excl_tax))
    for incl, excl in amounts:
        totals = by_rate.setdefault(vat_rate_of(incl=incl, excl=excl), [Decimal(0), Decimal(0)])
        totals[0] += excl
        totals[1] += incl - excl
    return [
        VatLine(rate=rate, excl_tax=excl.quantize(CENT), vat=vat.quantize(CENT))
        for rate, (excl, vat) in sorted(by_rate.items())
    ]


def order_is_delivery(order: Order) -> bool:
    return order.fulfilment_mode == FulfilmentMode.DELIVERY
