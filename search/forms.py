"""Reading a search request (page or API) into a ProductQuery; invalid values are refused."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from commerce.order.fulfilment import FulfilmentMode
from merchants.validators import validate_no_control_characters
from search.query import MAX_PAGE, PRICE_RANGES, SORT_RELEVANCE, SORTS, ProductQuery

KEY = RegexValidator(r"^[A-Za-z0-9_-]{1,100}$", _("Valeur invalide."))


class KeyListField(forms.Field):
    """A repeated query parameter (?commune=61001&commune=61214) of identifiers."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> tuple[str, ...]:
        values = [str(item).strip() for item in (value or []) if str(item).strip()]
        for item in values:
            KEY(item)
        return tuple(dict.fromkeys(values))[:20]


class SearchTextField(forms.CharField):
    """The shopper's words: control characters (NUL breaks PostgreSQL) refused in French."""

    default_error_messages = {
        "max_length": _("La recherche est trop longue : %(limit_value)d caractères au plus."),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Ours covers NUL too, with the message the rest of the site uses.
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ] + [validate_no_control_characters]


class AutocompleteForm(forms.Form):
    q = SearchTextField(required=False)

    def clean_q(self) -> str:
        # Suggestions only need the beginning of what is typed.
        return self.cleaned_data["q"][:100]


class ProductSearchForm(forms.Form):
    q = SearchTextField(label=_("Rechercher"), required=False, max_length=200)
    commune = KeyListField(required=False)
    intercommunality = KeyListField(required=False)
    category = KeyListField(required=False)
    merchant = KeyListField(required=False)
    mode = forms.MultipleChoiceField(
        choices=FulfilmentMode.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    delivers_to = forms.CharField(required=False, validators=[KEY])
    price = forms.ChoiceField(
        choices=[("", "")] + [(key, key) for key, _low, _high in PRICE_RANGES], required=False
    )
    min_price = forms.DecimalField(required=False, min_value=0, max_digits=10, decimal_places=2)
    max_price = forms.DecimalField(required=False, min_value=0, max_digits=10, decimal_places=2)
    in_stock = forms.NullBooleanField(required=False, widget=forms.NullBooleanSelect)
    sort = forms.ChoiceField(label=_("Trier par"), choices=list(SORTS.items()), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def to_query(self) -> ProductQuery:
        """The query from the valid parameters (call after is_valid())."""
        data = self.cleaned_data
        low, high = data.get("min_price"), data.get("max_price")
        if data.get("price") and low is None and high is None:
            low, high = _price_bounds(data["price"])
        return ProductQuery(
            text=" ".join((data.get("q") or "").split()),
            communes=data.get("commune") or (),
            intercommunalities=data.get("intercommunality") or (),
            categories=data.get("category") or (),
            merchants=data.get("merchant") or (),
            modes=tuple(data.get("mode") or ()),
            delivers_to=data.get("delivers_to") or "",
            min_price=low,
            max_price=high,
            in_stock=data.get("in_stock"),
            sort=data.get("sort") or SORT_RELEVANCE,
            page=data.get("page") or 1,
        )


def _price_bounds(key: str) -> tuple[Decimal | None, Decimal | None]:
    for range_key, low, high in PRICE_RANGES:
        if range_key == key:
            return low, high
    return None, None
