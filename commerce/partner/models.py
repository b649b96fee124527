from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractStockRecord

from commerce.partner.vat import VatRate


class StockRecord(AbstractStockRecord):
    """One merchant's offer of a product: Oscar's `price` is the price excluding VAT.

    French shops think in prices including VAT, so that price and its rate are stored as
    typed; `price` (excl. VAT) is derived from them by `commerce.partner.services`.
    """

    price_incl_tax = models.DecimalField(
        _("prix TTC"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    vat_rate = models.CharField(
        _("taux de TVA"), max_length=4, choices=VatRate.choices, default=VatRate.STANDARD
    )

    @property
    def vat_rate_decimal(self) -> Decimal:
        return Decimal(self.vat_rate)


from oscar.apps.partner.models import *  # noqa: E402, F403
