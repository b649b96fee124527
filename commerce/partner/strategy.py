"""Pricing strategy: prices include French VAT at the rate stored on each stock record."""

from oscar.apps.partner import strategy as oscar_strategy
from oscar.core.loading import get_class

FixedPrice = get_class("partner.prices", "FixedPrice")
UnavailablePrice = get_class("partner.prices", "Unavailable")


class StoredVat:
    """Pricing mixin: the tax is the difference between the two stored prices.

    Taking it from the stored price incl. VAT (what the merchant typed) rather than
    multiplying the excl. VAT price by the rate avoids one-cent drifts (12,90 € stays 12,90 €).
    """

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None or stockrecord.price_incl_tax is None:
            return UnavailablePrice()
        return FixedPrice(
            currency=stockrecord.price_currency,
            excl_tax=stockrecord.price,
            tax=stockrecord.price_incl_tax - stockrecord.price,
        )

    def parent_pricing_policy(self, product, children_stock):
        stockrecords = [record for _, record in children_stock if record is not None]
        return self.pricing_policy(product, stockrecords[0] if stockrecords else None)


class France(
    oscar_strategy.UseFirstStockRecord,
    oscar_strategy.StockRequired,
    StoredVat,
    oscar_strategy.Structured,
):
    """Every product has one stock record (its merchant's); stock is required to buy."""


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return France(request)
