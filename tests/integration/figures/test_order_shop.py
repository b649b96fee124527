"""The order's shop is stored on the order; orders older than the column get it from a line."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from oscar.core.loading import get_model

from commerce.order.models import Order
from tests.factories import OrderSpec, orders_bulk_create
from tests.integration.figures.conftest import paris

pytestmark = pytest.mark.django_db
Line = get_model("order", "Line")
backfill = importlib.import_module("commerce.order.migrations.0029_order_partner")


def test_the_migration_gives_each_older_order_the_shop_of_its_lines(shops):
    alencon, flers = shops["alencon"][0], shops["flers"][0]
    orders_bulk_create(
        [
            OrderSpec(shop=alencon, placed_at=paris(2026, 11, 3, 10), total=Decimal("40.00")),
            OrderSpec(shop=flers, placed_at=paris(2026, 11, 4, 10), total=Decimal("9.00"), lines=3),
            OrderSpec(shop=flers, placed_at=paris(2026, 11, 5, 10), total=Decimal("7.00")),
        ],
        prefix="OLD",
    )
    first, second, third = Order.objects.filter(number__startswith="OLD").order_by("number")
    # As the rows stood before the column: no shop on the order. Oscar empties a line's
    # partner when the partner goes, so the first line with one is the one to read.
    Order.objects.update(partner=None)
    Line.objects.filter(pk=second.lines.order_by("pk").first().pk).update(partner=None)
    Line.objects.filter(order=third).update(partner=None)

    backfill.order_partner_backfill(apps, connection.schema_editor())

    shops_of = dict(Order.objects.values_list("number", "partner_id"))
    assert shops_of == {
        first.number: alencon.partner_id,
        second.number: flers.partner_id,
        third.number: None,
    }
