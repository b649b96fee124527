"""A stock record copy read before a sale never undoes that sale when it is saved."""

import pytest
from oscar.core.loading import get_model

from tests.factories import MerchantStockRecordFactory

pytestmark = pytest.mark.django_db
StockRecord = get_model("partner", "StockRecord")


def test_saving_a_copy_read_before_a_sale_keeps_the_sale_allocated():
    record = MerchantStockRecordFactory(num_in_stock=10)
    stale = StockRecord.objects.get(pk=record.pk)
    StockRecord.objects.get(pk=record.pk).allocate(3)  # a buyer, meanwhile

    stale.num_in_stock = 12  # the merchant's form, read before the sale
    stale.save()

    fresh = StockRecord.objects.get(pk=record.pk)
    assert (fresh.num_in_stock, fresh.num_allocated) == (12, 3)


def test_an_allocation_set_on_purpose_is_still_saved():
    record = MerchantStockRecordFactory(num_in_stock=10)
    record = StockRecord.objects.get(pk=record.pk)
    record.num_allocated = 4
    record.save()

    assert StockRecord.objects.get(pk=record.pk).num_allocated == 4
