"""A product view or a basket addition writes nothing: Oscar's per-view counters are off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MerchantFactory, MerchantStockRecordFactory

pytestmark = pytest.mark.django_db


def _writes(captured) -> list[str]:
    return [
        q["sql"]
        for q in captured.captured_queries
        if "analytics_" in q["sql"] and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]


def test_viewing_an_article_and_adding_it_write_no_analytics_counter(client):
    record = MerchantStockRecordFactory(
        merchant=MerchantFactory(name="Cidrerie du Bocage"), num_in_stock=5
    )

    with CaptureQueriesContext(connection) as captured:
        assert client.get(record.product.get_absolute_url(), follow=True).status_code == 200
        client.post(reverse("basket:add", args=[record.product.pk]), {"quantity": 1})

    assert _writes(captured) == []
