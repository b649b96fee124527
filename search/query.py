"""The shape of a product search, shared by the engine and the database implementations."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

PAGE_SIZE = 20
# Beyond this, deep pages are refused by the engine (index.max_result_window is 10,000).
MAX_PAGE = 10_000 // PAGE_SIZE
AUTOCOMPLETE_MIN_LENGTH = 3
AUTOCOMPLETE_SIZE = 8
SHOPS_SIZE = 4
# Typo tolerance: none under 4 letters, one edit from 4, two from 8 ("camembrt" → "camembert").
FUZZINESS = "AUTO:4,8"

SORT_RELEVANCE = "relevance"
SORTS = {
    SORT_RELEVANCE: _("Pertinence"),
    "price": _("Prix croissant"),
    "-price": _("Prix décroissant"),
    "newest": _("Nouveautés"),
}

# Price facet buckets in euros incl. VAT: (key, lower bound or None, upper bound or None).
PRICE_RANGES: tuple[tuple[str, Decimal | None, Decimal | None], ...] = (
    ("0-5", None, Decimal("5")),
    ("5-10", Decimal("5"), Decimal("10")),
    ("10-20", Decimal("10"), Decimal("20")),
    ("20-50", Decimal("20"), Decimal("50")),
    ("50-", Decimal("50"), None),
)


@dataclass(frozen=True)
class ProductQuery:
    """What a shopper asked for; every filter is optional and filters combine (AND)."""

    text: str = ""
    communes: tuple[str, ...] = ()
    intercommunalities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    merchants: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    delivers_to: str = ""
    min_price: Decimal | None = None
    max_price: Decimal | None = None
    in_stock: bool | None = None
    sort: str = SORT_RELEVANCE
    page: int = 1

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE


@dataclass(frozen=True)
class MerchantSummary:
    slug: str
    name: str
    commune: str


@dataclass(frozen=True)
class ShopHit:
    """A shop whose name or commune matches the words, shown beside the articles."""

    slug: str
    name: str
    commune: str


@dataclass(frozen=True)
class ProductHit:
    id: int
    title: str
    slug: str
    price: Decimal | None
    currency: str
    image_name: str
    merchant: MerchantSummary
    modes: tuple[str, ...]


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchPage:
    """One page of results, the facet counts and which backend answered."""

    query: ProductQuery
    count: int
    hits: list[ProductHit]
    facets: dict[str, list[FacetValue]]
    backend: str
    # True when the engine was configured but the database answered instead.
    degraded: bool = False
    # Shops matching the words (first page of a text search only).
    shops: list[ShopHit] = field(default_factory=list)
    # Nothing matched: the words corrected against the indexed vocabulary, or "".
    did_you_mean: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, min(MAX_PAGE, -(-self.count // PAGE_SIZE)))


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "product" or "shop"
    label: str
    slug: str
    id: int | None = None
