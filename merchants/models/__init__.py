"""Models of the marketplace layer, one module per concern."""

from merchants.models.application import MerchantApplication, SalesMode
from merchants.models.catalogue_import import CatalogueImport
from merchants.models.geography import Commune, Intercommunality
from merchants.models.merchant import Merchant, MerchantCategory, OpeningPeriod, Weekday
from merchants.models.pages import MerchantIndexPage, MerchantPage

__all__ = [
    "CatalogueImport",
    "Commune",
    "Intercommunality",
    "Merchant",
    "MerchantApplication",
    "MerchantCategory",
    "MerchantIndexPage",
    "MerchantPage",
    "OpeningPeriod",
    "SalesMode",
    "Weekday",
]
