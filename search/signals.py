"""Receivers that schedule indexing: they hold no rule, they only say what changed.

modelsearch only reindexes an instance of an indexed model when it is saved. A product's
document also depends on its stock record (price, stock), its categories and images, and
its merchant (name, commune, activation, fulfilment modes), and the names of its categories
and of its merchant's commune and intercommunality, so each of those schedules the products
concerned (search.services runs the work after commit).
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from merchants.models import Commune, Intercommunality, Merchant
from merchants.signals import products_bulk_saved
from search import services
from search.database_facets import category_links_changed
from search.index_version import search_index_changed
from search.models import SearchSynonym

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def product_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.products_schedule_index(product_ids=[instance.pk])


def product_part_changed(sender, instance, raw=False, **kwargs):
    """A stock record, category link or image changed: its product's document did."""
    if not raw:
        services.products_schedule_index(product_ids=[instance.product_id])


def category_link_changed(sender, instance, raw=False, **kwargs):
    # Whether some product is in two categories decides how the facets count categories.
    if not raw:
        category_links_changed()


def products_bulk_changed(sender, product_ids, **kwargs):
    """The catalogue import wrote products without model signals."""
    services.products_schedule_index(product_ids=product_ids)
    category_links_changed()


def merchant_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.merchant_schedule_index(merchant_id=instance.pk, partner_id=instance.partner_id)


def merchant_delivery_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Merchant):
        services.merchant_schedule_index(merchant_id=instance.pk, partner_id=instance.partner_id)


def category_changed(sender, instance, raw=False, **kwargs):
    # Renamed or moved: every product below it lists its name and slug.
    if not raw:
        services.category_schedule_index(category_id=instance.pk)


def commune_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.communes_schedule_index(commune_ids=[instance.pk])


def intercommunality_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.intercommunality_schedule_index(intercommunality_id=instance.pk)


def synonym_changed(sender, instance, raw=False, **kwargs):
    # Synonyms apply at query time: no document changes, but the matches and their cached
    # facet counts do.
    if not raw:
        search_index_changed()


def connect() -> None:
    uid = "product_search"
    post_save.connect(product_changed, sender=Product, dispatch_uid=f"{uid}.product")
    post_delete.connect(product_changed, sender=Product, dispatch_uid=f"{uid}.product_del")
    for model in (StockRecord, ProductCategory, ProductImage):
        name = model._meta.model_name
        post_save.connect(product_part_changed, sender=model, dispatch_uid=f"{uid}.{name}")
        post_delete.connect(product_part_changed, sender=model, dispatch_uid=f"{uid}.{name}_del")
    post_save.connect(category_link_changed, sender=ProductCategory, dispatch_uid=f"{uid}.link")
    post_delete.connect(
        category_link_changed, sender=ProductCategory, dispatch_uid=f"{uid}.link_del"
    )
    products_bulk_saved.connect(products_bulk_changed, dispatch_uid=f"{uid}.bulk")
    post_save.connect(merchant_changed, sender=Merchant, dispatch_uid=f"{uid}.merchant")
    post_delete.connect(merchant_changed, sender=Merchant, dispatch_uid=f"{uid}.merchant_del")
    for field in ("delivery_communes", "delivery_intercommunalities"):
        m2m_changed.connect(
            merchant_delivery_changed,
            sender=getattr(Merchant, field).through,
            dispatch_uid=f"{uid}.{field}",
        )
    # A deleted category's product links are deleted with it (product_part_changed).
    post_save.connect(category_changed, sender=Category, dispatch_uid=f"{uid}.category")
    post_save.connect(commune_changed, sender=Commune, dispatch_uid=f"{uid}.commune")
    post_save.connect(intercommunality_changed, sender=Intercommunality, dispatch_uid=f"{uid}.epci")
    post_save.connect(synonym_changed, sender=SearchSynonym, dispatch_uid=f"{uid}.synonym")
    post_delete.connect(synonym_changed, sender=SearchSynonym, dispatch_uid=f"{uid}.synonym_del")
