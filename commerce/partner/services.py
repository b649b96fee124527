"""Writes to stock records."""

from decimal import Decimal

from commerce.partner.models import StockRecord
from commerce.partner.vat import price_excl_tax


def stockrecord_set_price(
    *, stockrecord: StockRecord, price_incl_tax: Decimal, vat_rate: str, save: bool = True
) -> StockRecord:
    """Set the price a shopper pays and derive Oscar's price excluding VAT from it."""
    stockrecord.price_incl_tax = Decimal(price_incl_tax)
    stockrecord.vat_rate = str(vat_rate)
    stockrecord.price = price_excl_tax(price_incl_tax=stockrecord.price_incl_tax, vat_rate=vat_rate)
    if save:
        stockrecord.save(update_fields=["price_incl_tax", "vat_rate", "price", "date_updated"])
    return stockrecord
