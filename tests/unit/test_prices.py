"""One price format per language: "6,10 €" in French (narrow no-break space), "€6.10" in English."""

from decimal import Decimal

import pytest
from django.template import engines
from django.utils import translation

from commerce.prices import price_text
from merchants.templatetags.back_office import money_text

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("language", "amount", "text"),
    [
        ("fr", Decimal("6.10"), f"6,10{NNBSP}€"),
        ("fr", Decimal("1234.5"), f"1{NNBSP}234,50{NNBSP}€"),
        ("fr", 0, f"0,00{NNBSP}€"),
        ("en", Decimal("6.10"), "€6.10"),
        ("en", Decimal("1234.5"), "€1,234.50"),
    ],
)
def test_a_price_is_written_the_way_its_language_writes_it(language, amount, text):
    with translation.override(language):
        assert price_text(amount) == text


def test_no_amount_is_a_dash_not_none():
    assert price_text(None) == "—"


@pytest.mark.parametrize(("language", "text"), [("fr", f"4,80{NNBSP}€"), ("en", "€4.80")])
def test_oscars_currency_filter_and_the_back_office_agree_with_the_helper(language, text):
    template = engines["django"].from_string("{% load currency_filters %}{{ price|currency }}")
    with translation.override(language):
        assert template.render({"price": Decimal("4.80")}) == text
        assert money_text(Decimal("4.80")) == text
