"""What makes kept pages out of date: each receiver only calls page_cache_invalidate."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from commerce.order.signals import checkout_orders_placed
from merchants.models import Merchant
from merchants.signals import products_bulk_saved
from orne_site.pagecache.services import page_cache_invalidate

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


def pages_out_of_date(sender, raw=False, **kwargs) -> None:
    if not raw:
        page_cache_invalidate()


def connect() -> None:
    uid = "pagecache"
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
        # Stock left after a sale: product and shop pages show what remains.
        (checkout_orders_placed, "orders_placed"),
        (products_bulk_saved, "bulk_import"),
    ):
        signal.connect(pages_out_of_date, dispatch_uid=f"{uid}.{name}")
    # Price and stock (stock records), products, photos, shops; and what every page shows
    # or obeys: the footer settings, the sites and languages, a page deleted, and above all a
    # view restriction (a page made private must not stay readable from the cache).
    site_settings = apps.get_model("editorial", "SiteSettings")
    for model in (
        StockRecord,
        Product,
        ProductImage,
        Merchant,
        site_settings,
        Site,
        Locale,
        PageViewRestriction,
        Page,
    ):
        name = model._meta.label_lower
        post_save.connect(pages_out_of_date, sender=model, dispatch_uid=f"{uid}.{name}")
        post_delete.connect(pages_out_of_date, sender=model, dispatch_uid=f"{uid}.{name}_del")
    m2m_changed.connect(
        pages_out_of_date, sender=Merchant.delivery_communes.through, dispatch_uid=f"{uid}.delivery"
    )
