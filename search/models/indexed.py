"""What is indexed: proxies of Oscar's Product and of Merchant, declared for modelsearch.

Proxies keep the index declarations in this app (no migration in commerce/ or merchants/;
the proxies' own migration only records them). modelsearch's save/delete handlers are
bound to the proxy classes, which the rest of the code never saves, so `search_auto_update`
is off and search.signals schedules indexing after commit for the real models instead.
"""

import functools

from django.utils.translation import gettext_lazy as _
from modelsearch import index
from oscar.core.loading import get_model

from commerce.order.fulfilment import FulfilmentMode
from commerce.partner.stock import stockrecord_free_stock
from merchants.models import Merchant
from search.documents import (
    category_chains,
    facet_value,
    product_index_queryset,
)

Product = get_model("catalogue", "Product")


def document_value(method):
    """Answer from the values `search.loading` attached, when the product came from there.

    Those products are bare instances (no relations loaded): computing a value from the
    relations would cost queries per product, which the database backend, reading each
    field through its method, would pay on every product of a rebuild.
    """

    @functools.wraps(method)
    def value(self):
        preloaded = self.__dict__.get("_search_values")
        if preloaded is not None:
            return preloaded[method.__name__]
        return method(self)

    return value


def _prefetched(obj, attribute: str, relation: str) -> list:
    """The list `product_index_queryset` prefetched, else the relation queried."""
    found = getattr(obj, attribute, None)
    return list(getattr(obj, relation).all()) if found is None else found


class SearchableProduct(index.Indexed, Product):
    """A public product of an active merchant, as the search engine sees it."""

    search_auto_update = False
    search_fields = [
        # Full text: the title counts most, then the shop's name.
        index.SearchField("title", boost=3),
        index.SearchField("merchant_name", boost=2),
        index.SearchField("category_names"),
        index.SearchField("commune_name"),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        # Filters and facets (keywords; `*_facet` values carry "key|label").
        index.FilterField("merchant_slug"),
        index.FilterField("commune_code"),
        index.FilterField("intercommunality_code"),
        index.FilterField("category_slugs"),
        index.FilterField("modes"),
        index.FilterField("delivery_commune_codes"),
        index.FilterField("price_incl_tax", type="DecimalField"),
        index.FilterField("in_stock", type="BooleanField"),
        index.FilterField("date_created"),
        index.FilterField("commune_facet"),
        index.FilterField("intercommunality_facet"),
        index.FilterField("merchant_facet"),
        index.FilterField("category_facet"),
        # Shown in results, so a result page needs no SQL.
        index.FilterField("slug", es_extra={"index": False, "doc_values": False}),
        index.FilterField("price_currency", es_extra={"index": False, "doc_values": False}),
        index.FilterField("image_name", es_extra={"index": False, "doc_values": False}),
    ]

    class Meta:
        proxy = True
        verbose_name = _("article indexé")
        verbose_name_plural = _("articles indexés")

    @classmethod
    def get_indexed_objects(cls):
        return product_index_queryset(cls)

    # Values of the document. modelsearch reads them from methods defined on the indexed
    # class itself (a method inherited from a mixin gets a prefixed column name). They only
    # read relations prefetched by `product_index_queryset`.

    def _stockrecord(self):
        # Memoised: a document reads it for a dozen fields.
        if "_search_stockrecord" not in self.__dict__:
            records = _prefetched(self, "search_stockrecords", "stockrecords")
            self._search_stockrecord = records[0] if records else None
        return self._search_stockrecord

    def _merchant(self):
        record = self._stockrecord()
        return getattr(record.partner, "merchant", None) if record else None

    def _categories(self) -> list[tuple[str, str]]:
        if "_search_categories" not in self.__dict__:
            seen: dict[str, str] = {}
            paths = [c.path for c in _prefetched(self, "search_category_list", "categories")]
            by_path = category_chains(paths) if paths else {}
            for path in paths:
                for slug, name in by_path[path]:
                    seen.setdefault(slug, name)
            self._search_categories = list(seen.items())
        return self._search_categories

    def search_document_values(self) -> dict:
        """Every field's value by field name, each computed once (see search.backends.engines).

        modelsearch's generic document building looks each field up through the model's
        meta and the method again per field type; on 100,000 products that is most of the
        indexing time. The document is the same (a test compares both).
        """
        preloaded = self.__dict__.get("_search_values")
        if preloaded is not None:
            return preloaded  # attached by search.loading.products_for_index
        values = {
            "title": self.title,
            "description": self.description,
            "slug": self.slug,
            "date_created": self.date_created,
        }
        for field in self.get_search_fields():
            name = field.field_name
            if name not in values:
                values[name] = getattr(self, name)()
        return values

    # Full text
    @document_value
    def merchant_name(self) -> str:
        merchant = self._merchant()
        return merchant.name if merchant else ""

    @document_value
    def commune_name(self) -> str:
        merchant = self._merchant()
        return merchant.commune.name if merchant else ""

    @document_value
    def category_names(self) -> list[str]:
        return [name for _, name in self._categories()]

    # Filters
    @document_value
    def merchant_slug(self) -> str:
        merchant = self._merchant()
        return merchant.slug if merchant else ""

    @document_value
    def commune_code(self) -> str:
        merchant = self._merchant()
        return merchant.commune.insee_code if merchant else ""

    @document_value
    def intercommunality_code(self) -> str:
        merchant = self._merchant()
        epci = merchant.commune.intercommunality if merchant else None
        return epci.code if epci else ""

    @document_value
    def category_slugs(self) -> list[str]:
        return [slug for slug, _ in self._categories()]

    @document_value
    def modes(self) -> list[str]:
        merchant = self._merchant()
        if merchant is None:
            return []
        return [
            mode
            for mode, offered in (
                (FulfilmentMode.DELIVERY.value, merchant.offers_delivery),
                (FulfilmentMode.CLICK_COLLECT.value, merchant.offers_click_collect),
            )
            if offered
        ]

    @document_value
    def delivery_commune_codes(self) -> list[str]:
        merchant = self._merchant()
        if merchant is None or not merchant.offers_delivery:
            return []
        communes = _prefetched(merchant, "search_delivery_communes", "delivery_communes")
        codes = {commune.insee_code for commune in communes}
        for epci in _prefetched(merchant, "search_delivery_epcis", "delivery_intercommunalities"):
            codes.update(c.insee_code for c in _prefetched(epci, "search_communes", "communes"))
        return sorted(codes)

    @document_value
    def price_incl_tax(self):
        record = self._stockrecord()
        return record.price_incl_tax if record else None

    @document_value
    def price_currency(self) -> str:
        record = self._stockrecord()
        return record.price_currency if record else ""

    @document_value
    def in_stock(self) -> bool:
        record = self._stockrecord()
        if record is None:
            return False
        return stockrecord_free_stock(record) > 0

    # Facet labels and what a result shows
    @document_value
    def commune_facet(self) -> str:
        merchant = self._merchant()
        return facet_value(merchant.commune.insee_code, merchant.commune.name) if merchant else ""

    @document_value
    def intercommunality_facet(self) -> str:
        merchant = self._merchant()
        epci = merchant.commune.intercommunality if merchant else None
        return facet_value(epci.code, epci.name) if epci else ""

    @document_value
    def merchant_facet(self) -> str:
        merchant = self._merchant()
        return facet_value(merchant.slug, merchant.name) if merchant else ""

    @document_value
    def category_facet(self) -> list[str]:
        return [facet_value(slug, name) for slug, name in self._categories()]

    @document_value
    def image_name(self) -> str:
        images = _prefetched(self, "search_images", "images")
        if not images:
            return ""
        return min(images, key=lambda image: image.display_order).original.name


class SearchableMerchant(index.Indexed, Merchant):
    """An active shop, as the search engine sees it (for shop names in autocomplete)."""

    search_auto_update = False
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.FilterField("slug", es_extra={"index": False, "doc_values": False}),
        index.SearchField("commune_name"),
    ]

    class Meta:
        proxy = True
        verbose_name = _("boutique indexée")
        verbose_name_plural = _("boutiques indexées")

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.filter(is_active=True).select_related("commune").order_by("pk")

    def commune_name(self) -> str:
        return self.commune.name
