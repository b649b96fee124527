"""Reads for the shops index (MerchantIndexPage): its filters' choices and the filtered,
paginated shop pages, each with what a card shows fetched in a fixed number of queries.

A module of its own rather than merchants.selectors: the page model calls it, and
merchants.selectors imports the models package that defines the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from commerce.order.fulfilment import FulfilmentMode
from merchants.communes import alphabetical_key
from merchants.models.geography import Commune
from merchants.models.merchant import MerchantCategory

SHOPS_PER_PAGE = 24


@dataclass(frozen=True)
class ShopFilters:
    commune: str = ""  # INSEE code
    intercommunality: str = ""  # SIREN
    category: str = ""
    mode: str = ""  # a FulfilmentMode value

    def query_string(self) -> str:
        """The filters as a URL query, kept by the pagination links."""
        values = {
            "commune": self.commune,
            "intercommunality": self.intercommunality,
            "category": self.category,
            "mode": self.mode,
        }
        return urlencode({key: value for key, value in values.items() if value})

    @property
    def active(self) -> bool:
        return any((self.commune, self.intercommunality, self.category, self.mode))


class ShopFilterForm(forms.Form):
    """The index's GET form; choices only offer values that have at least one public shop."""

    commune = forms.ChoiceField(label=_("Commune"), required=False)
    intercommunality = forms.ChoiceField(label=_("Intercommunalité"), required=False)
    category = forms.ChoiceField(label=_("Catégorie"), required=False)
    mode = forms.ChoiceField(
        label=_("Mode de retrait"),
        required=False,
        choices=[("", _("Tous"))] + list(FulfilmentMode.choices),
    )

    def __init__(self, data: QueryDict, *, index_page) -> None:
        super().__init__(data)
        shops = index_page.public_shop_pages()
        # The intercommunalities come with the communes: one query for both lists.
        communes = list(
            Commune.objects.filter(merchants__page__in=shops)
            .select_related("intercommunality")
            .distinct()
        )
        communes.sort(key=lambda c: alphabetical_key(c.name))
        # Short empty choices: the label names the filter, and a phone shows two per row.
        self.fields["commune"].choices = [("", _("Toutes"))] + [
            (c.insee_code, c.name) for c in communes
        ]
        intercommunalities = sorted(
            {c.intercommunality for c in communes if c.intercommunality},
            key=lambda e: alphabetical_key(e.name),
        )
        self.fields["intercommunality"].choices = [("", _("Toutes"))] + [
            (e.code, e.name) for e in intercommunalities
        ]
        used = set(shops.values_list("merchant__category", flat=True).distinct())
        self.fields["category"].choices = [("", _("Toutes"))] + [
            (value, label) for value, label in MerchantCategory.choices if value in used
        ]

    def filters(self) -> ShopFilters:
        """The valid filters; a value that is not offered is dropped (the form says why)."""
        self.is_valid()
        cleaned = {name: self.cleaned_data.get(name, "") for name in self.fields}
        return ShopFilters(**{name: value or "" for name, value in cleaned.items()})


def shop_pages_filtered(*, index_page, filters: ShopFilters) -> QuerySet:
    """Public shop pages below the index, filtered, with the merchant, its commune and the
    logo's renditions fetched (one query for the page of shops, one for the renditions)."""
    pages = index_page.public_shop_pages()
    if filters.commune:
        pages = pages.filter(merchant__commune__insee_code=filters.commune)
    if filters.intercommunality:
        pages = pages.filter(merchant__commune__intercommunality__code=filters.intercommunality)
    if filters.category:
        pages = pages.filter(merchant__category=filters.category)
    if filters.mode == FulfilmentMode.DELIVERY:
        pages = pages.filter(merchant__offers_delivery=True)
    elif filters.mode == FulfilmentMode.CLICK_COLLECT:
        pages = pages.filter(merchant__offers_click_collect=True)
    renditions = get_image_model().get_rendition_model().objects.all()
    return (
        pages.select_related("merchant__commune", "logo")
        .prefetch_related(Prefetch("logo__renditions", queryset=renditions))
        .order_by("title", "pk")
    )


def shop_index_page(*, index_page, filters: ShopFilters, number) -> PaginatorPage:
    """One page of SHOPS_PER_PAGE shops; an out-of-range or bad number gives the last or first."""
    paginator = Paginator(
        shop_pages_filtered(index_page=index_page, filters=filters), SHOPS_PER_PAGE
    )
    return paginator.get_page(number)
