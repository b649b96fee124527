"""The load bench's purchase (bench/shopper.py) against the real site over HTTP.

The bench posts the checkout form as a browser does; when the form gained a required field
(the CGV box), every bench purchase stopped at the form and the buy mix measured nothing but
refusals. This test buys once through it, so the bench follows the form.
"""

import sys
from pathlib import Path

import pytest
import requests
from oscar.core.loading import get_model

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from shopper import ORDERED, Shopper  # noqa: E402

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_bench_shopper_places_an_order_through_the_real_checkout(
    live_server, stripe_settings, localstripe_url, make_shop, article, communes
):
    shop = make_shop("Fromagerie Hébert")
    record = article(shop, price="6.20", stock=10, title="Camembert")
    shopper = Shopper(
        requests.Session(), hosts=[live_server.url], first=0, localstripe=localstripe_url
    )

    outcome = shopper.buy(
        product_path=record.product.get_absolute_url(), product_pk=record.product.pk
    )

    assert outcome == ORDERED
    assert Order.objects.filter(partner=record.partner).count() == 1
