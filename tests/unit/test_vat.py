from decimal import Decimal

import pytest

from commerce.partner.vat import price_excl_tax


@pytest.mark.parametrize(
    ("incl", "rate", "excl"),
    [
        ("12.90", "5.5", "12.23"),
        ("11.00", "10", "10.00"),
        ("59.00", "20", "49.17"),
        ("0.05", "20", "0.04"),
    ],
)
def test_price_excl_tax_is_rounded_to_the_cent(incl, rate, excl):
    assert price_excl_tax(price_incl_tax=Decimal(incl), vat_rate=rate) == Decimal(excl)
