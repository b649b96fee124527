"""French VAT: the rates a merchant can pick and the price arithmetic, written once."""

from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")


class VatRate(models.TextChoices):
    # Stored as text so the Decimal never goes through a float.
    REDUCED = "5.5", _("5,5 % (alimentation, livres)")
    INTERMEDIATE = "10", _("10 % (restauration, produits transformés)")
    STANDARD = "20", _("20 % (taux normal)")


def price_excl_tax(*, price_incl_tax: Decimal, vat_rate: str | Decimal) -> Decimal:
    """Price without VAT, rounded to the cent, from the price the shopper pays."""
    rate = Decimal(str(vat_rate)) / 100
    return (Decimal(price_incl_tax) / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
