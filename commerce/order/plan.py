"""The frozen content of a checkout: what each merchant group holds and costs.

The merchants layer builds a plan from the basket, the shopper's fulfilment choices and the
merchants' rules (commerce never imports merchants); commerce stores it on the Checkout when
the amount is fixed and places the orders from it after payment. Money travels as Decimal
in Python and as strings in JSON, never as floats.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from decimal import Decimal

from commerce.order.fulfilment import FulfilmentMode


@dataclass(frozen=True)
class PlannedLine:
    stockrecord_id: int
    product_id: int
    title: str
    quantity: int
    unit_price_incl_tax: Decimal
    unit_price_excl_tax: Decimal

    @property
    def total_incl_tax(self) -> Decimal:
        return self.unit_price_incl_tax * self.quantity

    @property
    def total_excl_tax(self) -> Decimal:
        return self.unit_price_excl_tax * self.quantity


@dataclass(frozen=True)
class PlannedGroup:
    """One merchant's part: its lines and how the shopper receives them."""

    partner_id: int
    fulfilment_mode: str  # commerce.order.fulfilment.FulfilmentMode
    shipping_incl_tax: Decimal
    shipping_excl_tax: Decimal
    lines: tuple[PlannedLine, ...]
    pickup_starts_at: datetime | None = None
    pickup_ends_at: datetime | None = None
    pickup_address: str = ""
    delivery_commune_code: str = ""

    @property
    def is_delivery(self) -> bool:
        return self.fulfilment_mode == FulfilmentMode.DELIVERY

    @property
    def subtotal_incl_tax(self) -> Decimal:
        return sum((line.total_incl_tax for line in self.lines), Decimal("0.00"))

    @property
    def subtotal_excl_tax(self) -> Decimal:
        return sum((line.total_excl_tax for line in self.lines), Decimal("0.00"))

    @property
    def total_incl_tax(self) -> Decimal:
        return self.subtotal_incl_tax + self.shipping_incl_tax

    @property
    def total_excl_tax(self) -> Decimal:
        return self.subtotal_excl_tax + self.shipping_excl_tax


@dataclass(frozen=True)
class CheckoutPlan:
    groups: tuple[PlannedGroup, ...] = field(default_factory=tuple)
    currency: str = "EUR"

    @property
    def subtotal_incl_tax(self) -> Decimal:
        """The articles of every shop, without delivery (the recap's first line)."""
        return sum((group.subtotal_incl_tax for group in self.groups), Decimal("0.00"))

    @property
    def shipping_incl_tax(self) -> Decimal:
        return sum((group.shipping_incl_tax for group in self.groups), Decimal("0.00"))

    @property
    def total_incl_tax(self) -> Decimal:
        return sum((group.total_incl_tax for group in self.groups), Decimal("0.00"))

    def to_json(self) -> dict:
        def encode(value):
            if isinstance(value, Decimal):
                return str(value)
            if isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, (list, tuple)):
                return [encode(item) for item in value]
            if isinstance(value, dict):
                return {key: encode(item) for key, item in value.items()}
            return value

        return encode(asdict(self))

    @classmethod
    def from_json(cls, data: dict) -> CheckoutPlan:
        def when(value):
            return datetime.fromisoformat(value) if value else None

        groups = []
        for group in data.get("groups", []):
            lines = tuple(
                PlannedLine(
                    stockrecord_id=line["stockrecord_id"],
                    product_id=line["product_id"],
                    title=line["title"],
                    quantity=line["quantity"],
                    unit_price_incl_tax=Decimal(line["unit_price_incl_tax"]),
                    unit_price_excl_tax=Decimal(line["unit_price_excl_tax"]),
                )
                for line in group["lines"]
            )
            groups.append(
                PlannedGroup(
                    partner_id=group["partner_id"],
                    fulfilment_mode=group["fulfilment_mode"],
                    shipping_incl_tax=Decimal(group["shipping_incl_tax"]),
                    shipping_excl_tax=Decimal(group["shipping_excl_tax"]),
                    lines=lines,
                    pickup_starts_at=when(group.get("pickup_starts_at")),
                    pickup_ends_at=when(group.get("pickup_ends_at")),
                    pickup_address=group.get("pickup_address", ""),
                    delivery_commune_code=group.get("delivery_commune_code", ""),
                )
            )
        return cls(groups=tuple(groups), currency=data.get("currency", "EUR"))
