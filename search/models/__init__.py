"""The search app's models: the indexed proxies (indexed.py) and its own tables (tables.py)."""

from search.models.indexed import (
    SearchableMerchant,
    SearchableProduct,
    document_value,
)
from search.models.tables import (
    PendingIndexUpdate,
    SearchProductRow,
    SearchQueryWeek,
    SearchSynonym,
    SearchTerm,
    SearchWord,
)

__all__ = [
    "PendingIndexUpdate",
    "SearchProductRow",
    "SearchQueryWeek",
    "SearchSynonym",
    "SearchTerm",
    "SearchWord",
    "SearchableMerchant",
    "SearchableProduct",
    "document_value",
]
