"""Reads of merchants and communes for other apps' pages (the home page's shops and communes).

The shop pages' own listings (a shop's products, the shops index) are methods of those
pages, in merchants.models.pages, as bakerydemo does.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Q, QuerySet, prefetch_related_objects
from oscar.core.loading import get_model

from merchants.models import Commune, Merchant

Product = get_model("catalogue", "Product")


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


@dataclass(frozen=True)
class ProductShop:
    """What a product page says of the shop selling it."""

    merchant: Merchant
    opening_periods: list
    delivery_area: list[str]  # names of the intercommunalities and communes delivered
    other_products: list


def product_shop(*, product, others: int = 4) -> ProductShop | None:
    """The shop of a product (its one partner), with hours, delivery area and a few of its
    other public articles: six queries whatever the shop's size, the stock records with
    their seller being prefetched on the product (the product page does)."""
    # Through .all(): the product page prefetched its stock records with the seller's
    # merchant, commune and page (the strategy's stockrecord_related).
    record = next(iter(product.stockrecords.all()), None)
    if record is None:
        return None
    try:
        merchant = record.partner.merchant
    except ObjectDoesNotExist:
        return None
    if not merchant.is_active:
        return None
    prefetch_related_objects(
        [merchant], "opening_periods", "delivery_communes", "delivery_intercommunalities"
    )
    area = [e.name for e in merchant.delivery_intercommunalities.all()] + [
        c.name for c in merchant.delivery_communes.all()
    ]
    other_products = list(
        Product.objects.filter(stockrecords__partner_id=record.partner_id, is_public=True)
        .exclude(pk=product.pk)
        .prefetch_related("images", "stockrecords")
        .order_by("-date_created")[:others]
    )
    return ProductShop(
        merchant=merchant,
        opening_periods=list(merchant.opening_periods.all()),
        delivery_area=sorted(area),
        other_products=other_products,
    )
