"""The campaign's "saved search" live block: a query and filters, run at view time.

Editors save what to look for (words, a category, a commune or an intercommunality); the
page shows what the search engine finds now (in stock only), with a link to the full search
page carrying the same filters. It goes through search.selectors, so it has the search's
database fallback too.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import blocks

from merchants.models import Commune, Intercommunality
from search.query import ProductQuery
from search.selectors import product_search

Category = get_model("catalogue", "Category")
MAX_ITEMS = 12


def category_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(c.slug, c.full_name) for c in Category.objects.order_by("path")]


def commune_choices() -> list[tuple[str, str]]:
    return [("", "—")] + list(Commune.objects.order_by("name").values_list("insee_code", "name"))


def intercommunality_choices() -> list[tuple[str, str]]:
    return [("", "—")] + list(Intercommunality.objects.order_by("name").values_list("code", "name"))


def saved_search_params(value) -> dict[str, str]:
    """The search page's query string for the block's saved search (same names as the API)."""
    params = {
        "q": value.get("query") or "",
        "category": value.get("category") or "",
        "commune": value.get("commune") or "",
        "intercommunality": value.get("intercommunality") or "",
        "in_stock": "true",
    }
    return {key: item for key, item in params.items() if item}


class SavedSearchBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), required=False, max_length=120)
    query = blocks.CharBlock(label=_("mots recherchés"), required=False, max_length=200)
    category = blocks.ChoiceBlock(label=_("catégorie"), choices=category_choices, required=False)
    commune = blocks.ChoiceBlock(label=_("commune"), choices=commune_choices, required=False)
    intercommunality = blocks.ChoiceBlock(
        label=_("intercommunalité"), choices=intercommunality_choices, required=False
    )
    limit = blocks.IntegerBlock(
        label=_("nombre d'articles"), default=8, min_value=1, max_value=MAX_ITEMS
    )

    class Meta:
        icon = "search"
        label = _("Recherche enregistrée")
        template = "editorial/blocks/saved_search.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        query = ProductQuery(
            text=value.get("query") or "",
            categories=tuple(filter(None, [value.get("category")])),
            communes=tuple(filter(None, [value.get("commune")])),
            intercommunalities=tuple(filter(None, [value.get("intercommunality")])),
            in_stock=True,
        )
        results = product_search(query=query)
        context["hits"] = results.hits[: value.get("limit") or 8]
        context["count"] = results.count
        context["see_all_url"] = (
            f"{reverse('product_search:results')}?{urlencode(saved_search_params(value))}"
        )
        return context
