from decimal import Decimal

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model
from wagtail.models import Page

from commerce.order.models import Checkout
from commerce.order.statuses import OrderStatus
from merchants.models import Merchant

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")
Order = get_model("order", "Order")
Category = get_model("catalogue", "Category")


def counts() -> dict[str, int]:
    return {
        "merchants": Merchant.objects.count(),
        "products": Product.objects.count(),
        "stockrecords": StockRecord.objects.count(),
        "images": ProductImage.objects.count(),
        "categories": Category.objects.count(),
        "pages": Page.objects.count(),
        "orders": Order.objects.count(),
    }


def test_seed_demo_twice_leaves_the_same_counts(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", merchants=6, products=60)
    first = counts()
    call_command("seed_demo", merchants=6, products=60)

    assert counts() == first
    assert first["merchants"] == 6
    assert first["products"] == first["stockrecords"] == first["images"] == 60


def test_seeded_products_have_french_vat_prices_and_real_photos(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", merchants=3, products=12)

    for record in StockRecord.objects.select_related("partner"):
        assert record.vat_rate in {"5.5", "10", "20"}
        rate = Decimal(record.vat_rate) / 100
        assert abs(record.price * (1 + rate) - record.price_incl_tax) <= Decimal("0.01")
    image = ProductImage.objects.first()
    with image.original.open("rb") as handle:
        assert handle.read(3) == b"\xff\xd8\xff"  # a JPEG


SNAPSHOT = ("partner_sku", "price_incl_tax", "vat_rate", "num_in_stock", "product__title")


def test_seed_demo_is_deterministic(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", merchants=4, products=20)
    first = list(StockRecord.objects.order_by("partner_sku").values_list(*SNAPSHOT))
    # The demo orders go too, so the second seed places them again (and takes the same stock).
    Order.objects.all().delete()
    Checkout.objects.all().delete()
    Product.objects.all().delete()
    call_command("seed_demo", merchants=4, products=20)
    second = list(StockRecord.objects.order_by("partner_sku").values_list(*SNAPSHOT))
    assert first == second


def test_seeded_products_are_searchable_at_once(settings, tmp_path):
    from search.query import ProductQuery
    from search.selectors import product_search

    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", merchants=6, products=60)

    page = product_search(query=ProductQuery(text="camembert"))

    assert page.count > 0
    assert any("camembert" in hit.title.lower() for hit in page.hits)


def test_demo_shops_get_a_working_day_of_orders_through_the_real_services(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", merchants=2, products=24)

    shop = Merchant.objects.order_by("pk").first()
    statuses = sorted(
        Order.objects.filter(lines__partner=shop.partner)
        .distinct()
        .values_list("status", flat=True)
    )
    assert statuses == sorted(
        [OrderStatus.RECEIVED, OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED]
    )
    order = Order.objects.filter(lines__partner=shop.partner).first()
    assert order.checkout.phone and order.pickup_starts_at is not None
    record = shop.partner.stockrecords.filter(num_allocated__gt=0).first()
    assert record is not None  # the open orders hold their stock, as a real purchase does
