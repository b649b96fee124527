"""The basket grouped by shop, and the checkout plan priced on the server."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from checkout.fulfilment import pickup_slots
from checkout.plans import CheckoutNotPossible, FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import FulfilmentMode

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))


def test_basket_lines_are_grouped_by_shop_with_subtotals(make_shop, article, basket_of):
    cheese, books = make_shop("Fromagerie"), make_shop("Librairie")
    basket = basket_of(
        [
            (article(cheese, price="6.20"), 2),
            (article(books, price="18.00"), 1),
            (article(cheese, price="3.10"), 1),
        ]
    )
    groups = basket_groups_by_merchant(basket=basket)
    assert [(g.merchant.name, len(g.lines), g.subtotal_incl_tax) for g in groups] == [
        ("Fromagerie", 2, Decimal("15.50")),
        ("Librairie", 1, Decimal("18.00")),
    ]


def test_basket_groups_cost_the_same_queries_for_3_shops_of_5_lines_as_for_one_line(
    make_shop, article, basket_of, django_assert_num_queries, django_assert_max_num_queries
):
    small = basket_of([(article(make_shop("Seule")), 1)])
    shops = [make_shop(f"Boutique {n}") for n in range(3)]
    big = basket_of([(article(shop), 1) for shop in shops for _ in range(5)])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one_line:
        groups = basket_groups_by_merchant(basket=small)
        pickup_slots(merchant=groups[0].merchant, now=NOW)
    with django_assert_num_queries(len(one_line.captured_queries)):
        groups = basket_groups_by_merchant(basket=big)
        for group in groups:
            pickup_slots(merchant=group.merchant, now=NOW)
    assert sum(len(group.lines) for group in groups) == 15


def test_a_line_price_stored_in_the_basket_is_ignored(make_shop, article, basket_of):
    record = article(make_shop("Fromagerie"), price="12.90")
    basket = basket_of([(record, 1)])
    basket.lines.update(price_incl_tax=Decimal("0.01"), price_excl_tax=Decimal("0.01"))
    (group,) = basket_groups_by_merchant(basket=basket)
    assert group.subtotal_incl_tax == Decimal("12.90")


def test_plan_totals_per_group_and_overall(make_shop, article, basket_of, communes):
    home, _, _ = communes
    cheese = make_shop("Fromagerie", delivers_to=[home], fee="4.50", threshold="40")
    books = make_shop("Librairie")
    basket = basket_of([(article(cheese, price="6.20"), 2), (article(books, price="18.00"), 1)])
    groups = basket_groups_by_merchant(basket=basket)
    slot = pickup_slots(merchant=books, now=NOW)[0]
    plan = checkout_plan_build(
        groups=groups,
        choices={
            cheese.pk: FulfilmentChoice(mode=FulfilmentMode.DELIVERY),
            books.pk: FulfilmentChoice(mode=FulfilmentMode.CLICK_COLLECT, slot_key=slot.key),
        },
        commune=home,
        now=NOW,
    )
    delivered, collected = plan.groups
    assert (delivered.fulfilment_mode, delivered.total_incl_tax) == ("delivery", Decimal("16.90"))
    assert delivered.delivery_commune_code == "61001"
    assert (collected.fulfilment_mode, collected.total_incl_tax) == (
        "click_collect",
        Decimal("18.00"),
    )
    assert collected.pickup_starts_at == slot.starts_at
    assert plan.total_incl_tax == Decimal("34.90")


def test_plan_refuses_delivery_to_a_commune_the_shop_does_not_serve(
    make_shop, article, basket_of, communes
):
    home, _, elsewhere = communes
    cheese = make_shop("Fromagerie", delivers_to=[home])
    groups = basket_groups_by_merchant(basket=basket_of([(article(cheese), 1)]))
    with pytest.raises(CheckoutNotPossible) as refused:
        checkout_plan_build(
            groups=groups,
            choices={cheese.pk: FulfilmentChoice(mode=FulfilmentMode.DELIVERY)},
            commune=elsewhere,
            now=NOW,
        )
    assert refused.value.messages == ["« Fromagerie » ne livre pas dans votre commune."]


def test_plan_refuses_a_slot_that_is_not_offered(make_shop, article, basket_of):
    books = make_shop("Librairie")
    groups = basket_groups_by_merchant(basket=basket_of([(article(books), 1)]))
    sunday = "2026-12-06T10:00:00+01:00"
    with pytest.raises(CheckoutNotPossible):
        checkout_plan_build(
            groups=groups,
            choices={books.pk: FulfilmentChoice(mode="click_collect", slot_key=sunday)},
            commune=None,
            now=NOW,
        )


def test_plan_refuses_an_article_that_ran_out(make_shop, article, basket_of):
    books = make_shop("Librairie")
    record = article(books, stock=3, title="Le Horla")
    groups_basket = basket_of([(record, 2)])
    record.num_allocated = 2
    record.save()
    groups = basket_groups_by_merchant(basket=groups_basket)
    slot = pickup_slots(merchant=books, now=NOW)[0]
    with pytest.raises(CheckoutNotPossible) as refused:
        checkout_plan_build(
            groups=groups,
            choices={books.pk: FulfilmentChoice(mode="click_collect", slot_key=slot.key)},
            commune=None,
            now=NOW,
        )
    assert refused.value.messages == ["Il ne reste que 1 « Le Horla » chez Librairie."]
