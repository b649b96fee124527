"""The marketplace's strategy: commerce's France, where a suspended shop sells nothing.

Installed by ``COMMERCE_STRATEGY_CLASS`` (site settings). Why a strategy class rather than a
flag copied onto Oscar's Partner: ``Merchant.is_active`` stays the one definition of "this
shop sells", with nothing to keep in sync and no migration; commerce asks
``is_offered`` and never learns what a merchant is.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist

from commerce.partner.strategy import France


def partner_is_selling(partner) -> bool:
    """A partner with no merchant (Oscar's own) has no shop to suspend: it sells."""
    try:
        merchant = partner.merchant
    except ObjectDoesNotExist:
        return True
    return merchant.is_active


class Marketplace(France):
    """France, plus: the article's shop is active."""

    # The shop (is it active?), and its commune and page, which the product page shows.
    stockrecord_related = ("partner__merchant__commune", "partner__merchant__page")

    def is_offered(self, product, stockrecord) -> bool:
        return super().is_offered(product, stockrecord) and partner_is_selling(stockrecord.partner)
