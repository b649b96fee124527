"""The public results page (/chiffres/): reads the stored figures, never computes them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from orne_site.figures.public import public_figures_latest


def _rows(groups: list[dict], *, label, others: str) -> list[dict]:
    top = max((Decimal(group["amount"]) for group in groups), default=Decimal(0))
    return [
        {
            "label": label(group) if group["key"] else others,
            "shops": group["shops"],
            "orders": group["orders"],
            "amount": Decimal(group["amount"]),
            "bar": round(100 * Decimal(group["amount"]) / top) if top else 0,
            "merged": not group["key"],
        }
        for group in groups
    ]


def _month(group: dict) -> str:
    year, month = (int(part) for part in group["key"].split("-"))
    return date_format(date(year, month, 1), "F Y").capitalize()


@require_GET
def figures_public(request: HttpRequest) -> HttpResponse:
    latest = public_figures_latest()
    context = {
        "meta_description": _(
            "Les chiffres du Marché de l'Orne : boutiques inscrites, articles en ligne, "
            "commandes et montant dépensé dans les commerces de l'Orne, par mois et par "
            "intercommunalité."
        ),
        "latest": latest,
    }
    if latest:
        data = latest.data
        context.update(
            figures=data,
            total_amount=Decimal(data["total"]["amount"]) if data["total"] else None,
            months=_rows(data["months"], label=_month, others=_("Autres mois, regroupés")),
            intercommunalities=_rows(
                data["intercommunalities"],
                label=lambda group: group["label"] or _("Sans intercommunalité"),
                others=_("Autres intercommunalités"),
            ),
        )
    return render(request, "figures/public.html", context)
