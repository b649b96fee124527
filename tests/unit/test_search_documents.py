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
