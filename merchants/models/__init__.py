"""Models of the marketplace layer, one module per concern."""

from merchants.models.application import MerchantApplication, SalesMode
from merchants.models.catalogue_import import CatalogueImport
from merchants.models.geography import Commune, Intercommunality
from merchants.models.invoice import CreditNote, DocumentKind, Invoice, InvoiceCounter
from merchants.models.merchant import Merchant, MerchantCategory, OpeningPeriod, Weekday
from merchants.models.pages import MerchantIndexPage, MerchantPage

__all__ = [
    "CatalogueImport",
    "Commune",
    "CreditNote",
    "DocumentKind",
    "Intercommunality",
    "Invoice",
    "InvoiceCounter",
    "Merchant",
    "MerchantApplication",
    "MerchantCategory",
    "MerchantIndexPage",
    "MerchantPage",
    "OpeningPeriod",
    "SalesMode",
    "Weekday",
]
