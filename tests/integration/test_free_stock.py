"""Free stock means the same in SQL (filters, allocation) and in Python (pages, index)."""

import pytest

from commerce.partner.models import StockRecord
from commerce.partner.stock import (
    free_stock_expression,
    free_stock_q,
    stockrecord_free_stock,
)
from tests.factories import StockRecordFactory

pytestmark = pytest.mark.django_db

# (in stock, allocated) → free stock
CASES = [(10, None, 10), (10, 4, 6), (3, 3, 0), (2, 5, 0), (None, None, 0), (None, 2, 0)]


def test_free_stock_is_the_same_for_a_loaded_record_and_in_sql():
    records = [
        StockRecordFactory(num_in_stock=in_stock, num_allocated=allocated)
        for in_stock, allocated, _ in CASES
    ]
    in_sql = dict(
        StockRecord.objects.annotate(free=free_stock_expression()).values_list("pk", "free")
    )
    with_stock = set(StockRecord.objects.filter(free_stock_q()).values_list("pk", flat=True))
    for record, (_, _, free) in zip(records, CASES, strict=True):
        record.refresh_from_db()
        assert stockrecord_free_stock(record) == in_sql[record.pk] == free
        assert (record.pk in with_stock) == (free > 0)


def test_products_with_free_stock_are_found_through_their_stock_records():
    sold_out = StockRecordFactory(num_in_stock=2, num_allocated=2)
    on_sale = StockRecordFactory(num_in_stock=2, num_allocated=1)
    found = set(
        type(on_sale.product)
        .objects.filter(free_stock_q(prefix="stockrecords__"))
        .values_list("pk", flat=True)
    )
    assert on_sale.product_id in found
    assert sold_out.product_id not in found
