"""Reads for editorial pages: what live blocks show, and the helpers the page listings use.

Every live item is read here, in a fixed number of queries per page whatever the number of
blocks or items (pinned by query-count tests), and filtered by what a shopper may see *now*.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from oscar.core.loading import get_model
from wagtail.models import Page

from commerce.partner.stock import free_stock_q
from merchants.models import MerchantPage
from orne_site.editorial.page_memos import locales_by_code, pages_public

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


@dataclass
class LiveItems:
    """Products and shop pages on sale right now, by the id the editor chose."""

    products: dict[int, object] = field(default_factory=dict)
    shops: dict[int, MerchantPage] = field(default_factory=dict)


def product_list_on_sale() -> QuerySet:
    """Public products of an active shop with stock left, with price and photo prefetched."""
    available = StockRecord.objects.filter(
        product=OuterRef("pk"), partner__merchant__is_active=True
    ).filter(free_stock_q())
    return (
        Product.objects.filter(is_public=True)
        .filter(Exists(available))
        .prefetch_related(
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.select_related("partner__merchant"),
                to_attr="shop_stockrecords",
            ),
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
        )
    )


def product_list_latest(*, limit: int = 8) -> list:
    return list(product_list_on_sale().order_by("-date_created", "-pk")[:limit])


def pages_localized(pages: Iterable[Page], queryset: QuerySet) -> dict[int, Page]:
    """Map each chosen page's id to its live version in the visitor's language, if any.

    A page chooser stores the French page; an English visitor should land on its English
    translation when there is one, and on the French page otherwise.
    """
    keys = {page.translation_key: page.pk for page in pages}
    if not keys:
        return {}
    locale = locales_by_code().get(translation.get_language() or "fr")
    found: dict[int, Page] = {}
    for page in queryset.filter(translation_key__in=keys):
        chosen_id = keys[page.translation_key]
        if chosen_id not in found or (locale and page.locale_id == locale.pk):
            found[chosen_id] = page
    return found


def shop_pages_live(*, ids: Iterable[int]) -> dict[int, MerchantPage]:
    """Live shop pages of active shops among ``ids``; deleted or closed shops are left out."""
    chosen = MerchantPage.objects.filter(pk__in=list(ids)).only("pk", "translation_key")
    queryset = pages_public(
        MerchantPage.objects.live()
        .filter(merchant__is_active=True)
        .select_related("merchant__commune", "logo")
    )
    return pages_localized(chosen, queryset)


def live_items_for_values(*, products: Iterable[int] = (), shops: Iterable[int] = ()) -> LiveItems:
    product_ids = list(products)
    return LiveItems(
        products=(
            {product.pk: product for product in product_list_on_sale().filter(pk__in=product_ids)}
            if product_ids
            else {}
        ),
        shops=shop_pages_live(ids=shops) if shops else {},
    )


def stream_chosen_ids(stream, *, block_type: str, list_name: str | None = None) -> list[int]:
    """The ids chosen in a stream's blocks of ``block_type``, read from the raw JSON.

    Reading the raw data costs no query; ``list_name`` names the ListBlock inside a
    StructBlock (the live blocks), otherwise the block's value is the id itself.
    """
    ids: list[int] = []
    for raw in stream.raw_data:
        if raw.get("type") != block_type:
            continue
        if list_name is None:
            values = [raw.get("value")]
        else:
            # ListBlock items are {"type": "item", "value": id, "id": uuid} since Wagtail 2.16.
            values = [
                item.get("value") if isinstance(item, dict) else item
                for item in (raw.get("value") or {}).get(list_name) or []
            ]
        ids.extend(value for value in values if isinstance(value, int))
    return ids


def live_items_for_streams(*streams) -> LiveItems:
    """Everything the live blocks of ``streams`` show, read in one go."""
    products: list[int] = []
    shops: list[int] = []
    for stream in streams:
        products += stream_chosen_ids(stream, block_type="chosen_products", list_name="products")
        shops += stream_chosen_ids(stream, block_type="chosen_shops", list_name="shops")
    return live_items_for_values(products=products, shops=shops)


def campaign_filter_current(queryset: QuerySet, *, today: date | None = None) -> QuerySet:
    """Campaigns still running (or not yet over): a campaign leaves listings after its end."""
    today = today or timezone.localdate()
    return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
