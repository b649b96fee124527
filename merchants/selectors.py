"""Reads of merchants and communes for other apps' pages (the home page's shops and communes).

The shop pages' own listings (a shop's products, the shops index) are methods of those
pages, in merchants.models.pages, as bakerydemo does.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from merchants.models import Commune, Merchant


def merchant_list_public() -> QuerySet[Merchant]:
    """Active shops with what a listing shows (commune) fetched in the same query."""
    return Merchant.objects.filter(is_active=True).select_related("commune")


def commune_list_with_most_merchants(*, limit: int = 8) -> QuerySet[Commune]:
    return (
        Commune.objects.annotate(
            merchant_count=Count("merchants", filter=Q(merchants__is_active=True))
        )
        .filter(merchant_count__gt=0)
        .order_by("-merchant_count", "name")[:limit]
    )
