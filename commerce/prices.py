"""Prices as shoppers, shops and staff read them: one format per language.

Every amount on the pages, in the e-mails and in the back office goes through Oscar's
``currency`` filter (Babel, the active language's locale), so Oscar's own templates agree
with ours. Oscar 4 reads ``OSCAR_CURRENCY_FORMAT`` per currency only; ``CurrencyFormatByLanguage``
lets the site give French its typography ("6,10 €", a narrow no-break space before the
symbol, as between thousands; CLDR puts a wide one there) while English keeps Babel's
"€6.10".
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import get_language
from oscar.templatetags.currency_filters import currency as oscar_currency

# "1 234,50 €": CLDR's French pattern with a narrow no-break space (U+202F) before "¤".
FRENCH_PRICE_PATTERN = "#,##0.00\u202f¤"


class CurrencyFormatByLanguage(dict):
    """``OSCAR_CURRENCY_FORMAT`` whose Babel options depend on the active language.

    Oscar looks the currency up with ``.get(currency)`` at each call; this answers with
    the options of the language active then (``{"fr": {"format": ...}}``), or Babel's
    defaults for a language it does not name.
    """

    def get(self, currency, default=None):  # noqa: ARG002 (same for every currency)
        language = (get_language() or "").split("-")[0]
        return dict.get(self, language, default if default is not None else {})


def price_text(amount: Decimal | int | str | None, *, currency: str | None = None) -> str:
    """The amount in the active language ("6,10 €" / "€6.10"); "—" when there is none."""
    if amount is None or amount == "":
        return "—"
    return oscar_currency(amount, currency)
