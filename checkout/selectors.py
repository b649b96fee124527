"""Reads: the basket grouped by shop, priced from the stock records on the server."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from commerce.order.plan import CheckoutPlan, PlannedGroup
from commerce.partner.stock import stockrecord_free_stock
from commerce.partner.strategy import Selector
from merchants.models import Merchant, OpeningPeriod

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class GroupLine:
    basket_line_id: int
    stockrecord_id: int
    product_id: int
    title: str
    size_label: str
    quantity: int
    unit_price_incl_tax: Decimal
    unit_price_excl_tax: Decimal
    available: int | None  # free stock; None when the product does not track stock
    # The article's first photo (a ProductImage), None without one: the basket shows it.
    image: object | None = None

    @property
    def total_incl_tax(self) -> Decimal:
        return self.unit_price_incl_tax * self.quantity

    @property
    def is_short(self) -> bool:
        return self.available is not None and self.available < self.quantity

    @property
    def at_stock_limit(self) -> bool:
        """One more would be more than the shop has (the basket's + is then disabled)."""
        return self.available is not None and self.quantity >= self.available


@dataclass(frozen=True)
class MerchantGroup:
    """One shop's lines in the basket."""

    merchant: Merchant
    lines: tuple[GroupLine, ...]

    @property
    def subtotal_incl_tax(self) -> Decimal:
        return sum((line.total_incl_tax for line in self.lines), ZERO)

    @property
    def subtotal_excl_tax(self) -> Decimal:
        return sum((line.unit_price_excl_tax * line.quantity for line in self.lines), ZERO)


def basket_groups_by_merchant(*, basket) -> list[MerchantGroup]:
    """The basket's lines grouped by shop, in a constant number of queries.

    Prices come from each line's stock record through the site's pricing strategy (the one
    rule for "what the shopper pays"), never from the basket line's stored price nor from
    the browser. Merchants come with what fulfilment needs (communes served, hours).
    Lines no longer for sale (hidden article, suspended shop: the strategy's rule) are
    left out; ``basket_lines_not_for_sale`` names them for the shopper.
    """
    if basket is None or basket.id is None:
        return []
    # The photos in one more query, for the basket page's lines.
    lines = _basket_lines(basket=basket, prefetch=("product__images",))
    partner_ids = {line.stockrecord.partner_id for line in lines if line.stockrecord_id}
    merchants = {
        merchant.partner_id: merchant
        for merchant in Merchant.objects.filter(partner_id__in=partner_ids)
        .select_related("commune", "partner")
        .prefetch_related(
            "delivery_communes",
            "delivery_intercommunalities",
            Prefetch("opening_periods", queryset=OpeningPeriod.objects.order_by("weekday")),
        )
    }
    strategy = Selector().strategy()
    grouped: dict[int, list[GroupLine]] = {}
    for line in lines:
        record = line.stockrecord
        if record is None or record.partner_id not in merchants:
            continue
        if not strategy.is_offered(line.product, record):
            continue
        price = strategy.pricing_policy(line.product, record)
        if not price.exists:
            continue
        tracks = line.product.product_class is None or line.product.product_class.track_stock
        grouped.setdefault(record.partner_id, []).append(
            GroupLine(
                basket_line_id=line.pk,
                stockrecord_id=record.pk,
                product_id=line.product_id,
                title=line.product.title,
                size_label=getattr(line.product, "size_label", ""),
                quantity=line.quantity,
                unit_price_incl_tax=price.incl_tax,
                unit_price_excl_tax=price.excl_tax,
                available=stockrecord_free_stock(record) if tracks else None,
                image=next(iter(line.product.images.all()), None),
            )
        )
    groups = [
        MerchantGroup(merchant=merchants[partner_id], lines=tuple(group_lines))
        for partner_id, group_lines in grouped.items()
    ]
    return sorted(groups, key=lambda group: group.merchant.name)


def _basket_lines(*, basket, prefetch: tuple[str, ...] = ()) -> list:
    # The merchant comes with the partner: the strategy's "shop active" costs no query.
    return list(
        basket.lines.select_related("product__product_class", "stockrecord__partner__merchant")
        .prefetch_related(*prefetch)
        .order_by("pk")
    )


def basket_lines_not_for_sale(*, basket) -> list[str]:
    """Titles of the basket's articles that can no longer be bought (hidden, shop suspended)."""
    if basket is None or basket.id is None:
        return []
    strategy = Selector().strategy()
    return [
        line.product.title
        for line in _basket_lines(basket=basket)
        if line.stockrecord is not None and not strategy.is_offered(line.product, line.stockrecord)
    ]


@dataclass(frozen=True)
class SummaryGroup:
    """A planned group with the shop it belongs to, for summary pages and e-mails."""

    merchant: Merchant
    group: PlannedGroup


def checkout_summary(*, plan: CheckoutPlan) -> list[SummaryGroup]:
    """The plan's groups with their shops, in one query."""
    merchants = Merchant.objects.select_related("commune").in_bulk(
        [group.partner_id for group in plan.groups], field_name="partner_id"
    )
    return [
        SummaryGroup(merchant=merchants[group.partner_id], group=group)
        for group in plan.groups
        if group.partner_id in merchants
    ]
