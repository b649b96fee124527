"""Reads of merchants, communes and shop products for public pages."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from merchants.models import Commune, Merchant, MerchantCategory, MerchantPage

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


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


def product_list_for_shop(*, merchant: Merchant) -> QuerySet:
    """A shop's public products with their stock record and photos prefetched.

    The listing reads the price from the one stock record instead of asking Oscar's
    strategy per product, which would cost a query per product.
    """
    return (
        Product.objects.filter(is_public=True, stockrecords__partner_id=merchant.partner_id)
        .prefetch_related(
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.filter(partner_id=merchant.partner_id),
                to_attr="shop_stockrecords",
            ),
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
        )
        .order_by("title", "pk")
    )


def merchant_page_list_for_index(
    *, index_page, commune_code: str | None, category: str | None
) -> dict:
    """Live shop pages under ``index_page``, filtered, plus the choices for the filters."""
    pages = (
        MerchantPage.objects.child_of(index_page)
        .live()
        .filter(merchant__is_active=True)
        .select_related("merchant__commune", "logo")
        .order_by("title")
    )
    if commune_code:
        pages = pages.filter(merchant__commune__insee_code=commune_code)
    if category:
        pages = pages.filter(merchant__category=category)
    communes = (
        Commune.objects.filter(merchants__is_active=True, merchants__page__live=True)
        .distinct()
        .order_by("name")
    )
    return {
        "merchant_pages": pages,
        "filter_communes": communes,
        "filter_categories": MerchantCategory.choices,
        "selected_commune": commune_code or "",
        "selected_category": category or "",
    }
