import json

import pytest
from modelsearch.backends.opensearch3 import OpenSearch3Mapping

from search.backends.engines import OpenSearch2Backend
from search.models import SearchableProduct
from tests.factories import MerchantFactory, StockRecordFactory

pytestmark = pytest.mark.django_db


def test_fast_document_equals_modelsearchs_own():
    merchant = MerchantFactory(offers_delivery=True)
    record = StockRecordFactory(partner=merchant.partner, product__description="Au lait cru.")
    product = SearchableProduct.get_indexed_objects().get(pk=record.product_id)

    fast = OpenSearch2Backend.mapping_class(SearchableProduct).get_document(product)
    generic = OpenSearch3Mapping(SearchableProduct).get_document(product)

    assert json.dumps(fast, default=str, sort_keys=True) == json.dumps(
        generic, default=str, sort_keys=True
    )
    assert fast["title"] == record.product.title


def test_bulk_loaded_documents_equal_the_model_methods_ones():
    from merchants.models import Commune, Intercommunality
    from search.loading import products_for_index
    from tests.factories import category

    food = category("Alimentation", "alimentation")
    cheese = category("Fromages", "fromages", parent=food)
    merchant = MerchantFactory(offers_delivery=True, offers_click_collect=False)
    merchant.delivery_communes.add(Commune.objects.get(insee_code="61214"))
    merchant.delivery_intercommunalities.add(Intercommunality.objects.first())
    records = [
        StockRecordFactory(partner=merchant.partner, num_in_stock=0),
        StockRecordFactory(partner=merchant.partner, num_in_stock=3, num_allocated=1),
    ]
    records[0].product.categories.add(cheese)
    ids = [record.product_id for record in records]
    mapping = OpenSearch2Backend.mapping_class(SearchableProduct)

    loaded = {p.pk: mapping.get_document(p) for p in products_for_index(ids)}
    by_methods = {
        p.pk: OpenSearch3Mapping(SearchableProduct).get_document(p)
        for p in SearchableProduct.get_indexed_objects().filter(pk__in=ids)
    }

    assert json.dumps(loaded, default=str, sort_keys=True) == json.dumps(
        by_methods, default=str, sort_keys=True
    )
    assert loaded[ids[0]]["product_search_searchableproduct__category_slugs_filter"] == [
        "alimentation",
        "fromages",
    ]
