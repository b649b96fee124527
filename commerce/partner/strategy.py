"""Pricing strategy: prices include French VAT at the rate stored on each stock record.

Availability has one rule, written here: a product is for sale only if it is *offered*
(``France.is_offered``: public, and whatever the installed strategy adds — the merchants
layer adds "its shop is active", see ``COMMERCE_STRATEGY_CLASS``) and, when stock is
tracked, has free stock. The basket, the product page, the shop page and the placement all
ask it, and all get it the one way Oscar does: ``Selector().strategy(request, user)``
(Oscar's basket middleware loads this Selector through ``get_class``).
"""

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import strategy as oscar_strategy
from oscar.core.loading import get_class, get_model

from commerce import conf

FixedPrice = get_class("partner.prices", "FixedPrice")
UnavailablePrice = get_class("partner.prices", "Unavailable")
Unavailable = get_class("partner.availability", "Unavailable")


class NotOffered(Unavailable):
    """The article is hidden or its seller does not sell any more: nobody can buy it."""

    code = "not-offered"
    # A typographic apostrophe: Oscar's basket message escapes "'" once, the page again.
    message = _("Cet article n’est plus en vente.")

    def is_purchase_permitted(self, quantity):
        return False, self.message


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


class OfferedOnly:
    """Availability mixin: what is not offered is unavailable, whatever its stock."""

    def is_offered(self, product, stockrecord) -> bool:
        """Whether ``stockrecord``'s seller offers ``product`` at all (stock aside)."""
        if product.is_child and product.parent is not None and not product.parent.is_public:
            return False
        return product.is_public

    def product_is_offered(self, product) -> bool:
        record = self.select_stockrecord(product)
        return self.is_offered(product, record) if record is not None else product.is_public

    def availability_policy(self, product, stockrecord):
        if stockrecord is not None and not self.is_offered(product, stockrecord):
            return NotOffered()
        return super().availability_policy(product, stockrecord)


class France(
    oscar_strategy.UseFirstStockRecord,
    OfferedOnly,
    oscar_strategy.StockRequired,
    StoredVat,
    oscar_strategy.Structured,
):
    """Every product has one stock record (its merchant's); stock is required to buy."""

    # What ``is_offered`` and the pages read of a stock record's seller: prefetched with
    # the stock records (``stockrecords_queryset``), the strategy asks no query of its own.
    stockrecord_related: tuple[str, ...] = ("partner",)

    @classmethod
    def stockrecords_queryset(cls):
        """Stock records with what this strategy reads of them, to prefetch on products."""
        return get_model("partner", "StockRecord").objects.select_related(*cls.stockrecord_related)


class Selector:
    """The one place a strategy is made: ``COMMERCE_STRATEGY_CLASS``, France by default.

    A setting rather than an import: the layer that knows sellers (merchants) sits above
    commerce and provides the class (``merchants.strategy.Marketplace``); commerce never
    imports it.
    """

    def strategy(self, request=None, user=None, **kwargs) -> France:
        strategy_class = import_string(conf.strategy_class_path())
        # Oscar's strategies take the user from the request, as its own Selector does.
        return strategy_class(request)
