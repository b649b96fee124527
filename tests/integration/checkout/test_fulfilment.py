"""Fulfilment rules: who delivers where at what fee, and when one can collect."""

from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from checkout.fulfilment import delivery_option, pickup_slots

PARIS = ZoneInfo("Europe/Paris")
pytestmark = pytest.mark.django_db


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


def test_delivery_offered_to_a_commune_listed_by_insee_code(make_shop, communes):
    home, _, _ = communes
    shop = make_shop("Fromagerie", delivers_to=[home])
    option = delivery_option(
        merchant=shop, commune=home, subtotal_incl_tax=Decimal("10"), now=paris(2026, 12, 1, 10)
    )
    assert option.fee_incl_tax == Decimal("4.50")
    assert option.fee_excl_tax == Decimal("3.75")
    assert option.earliest_date.isoformat() == "2026-12-03"


def test_delivery_offered_to_every_commune_of_a_listed_intercommunality(make_shop, communes):
    home, neighbour, _ = communes
    shop = make_shop("Cidrerie", epcis=[home.intercommunality])
    option = delivery_option(
        merchant=shop, commune=neighbour, subtotal_incl_tax=Decimal("10"), now=paris(2026, 12, 1)
    )
    assert option is not None


def test_delivery_refused_when_the_shop_does_not_serve_the_commune(make_shop, communes):
    home, _, elsewhere = communes
    shop = make_shop("Fromagerie", delivers_to=[home], epcis=[home.intercommunality])
    assert (
        delivery_option(
            merchant=shop,
            commune=elsewhere,
            subtotal_incl_tax=Decimal("99"),
            now=paris(2026, 12, 1),
        )
        is None
    )


def test_delivery_refused_when_the_shop_does_not_deliver_at_all(make_shop, communes):
    home, _, _ = communes
    shop = make_shop("Librairie")
    assert shop.offers_delivery is False
    assert (
        delivery_option(
            merchant=shop, commune=home, subtotal_incl_tax=Decimal("10"), now=paris(2026, 12, 1)
        )
        is None
    )


def test_delivery_is_free_from_the_threshold_up(make_shop, communes):
    home, _, _ = communes
    shop = make_shop("Fromagerie", delivers_to=[home], threshold="40.00")
    below = delivery_option(
        merchant=shop, commune=home, subtotal_incl_tax=Decimal("39.99"), now=paris(2026, 12, 1)
    )
    at = delivery_option(
        merchant=shop, commune=home, subtotal_incl_tax=Decimal("40.00"), now=paris(2026, 12, 1)
    )
    assert (below.fee_incl_tax, below.is_free) == (Decimal("4.50"), False)
    assert (at.fee_incl_tax, at.is_free) == (Decimal("0.00"), True)


def test_pickup_slots_start_after_the_preparation_time(make_shop):
    shop = make_shop("Librairie", preparation_minutes=90)
    # Tuesday 1 December 2026, 9:40 in Alençon: ready at 11:10, so the first slot is 14:00
    # (the 11:00 slot starts before the order can be ready).
    slots = pickup_slots(merchant=shop, now=paris(2026, 12, 1, 9, 40))
    assert slots[0].starts_at == paris(2026, 12, 1, 14)
    assert slots[0].ends_at == paris(2026, 12, 1, 15)


def test_no_pickup_slot_in_the_past(make_shop):
    shop = make_shop("Librairie", preparation_minutes=0)
    now = paris(2026, 12, 1, 15, 30)
    slots = pickup_slots(merchant=shop, now=now)
    assert all(slot.starts_at >= now for slot in slots)
    assert slots[0].starts_at == paris(2026, 12, 1, 16)


def test_no_pickup_slot_when_the_shop_is_closed(make_shop):
    shop = make_shop("Librairie")
    # Saturday evening: closed Sunday and Monday, so the next slot is Tuesday 9:00.
    slots = pickup_slots(merchant=shop, now=paris(2026, 12, 5, 19))
    assert slots[0].starts_at == paris(2026, 12, 8, 9)
    assert {slot.starts_at.weekday() for slot in slots} <= {1, 2, 3, 4, 5}
    for slot in slots:
        local = slot.starts_at.astimezone(PARIS).time()
        assert time(9) <= local < time(12) or time(14) <= local < time(18)


def test_the_last_slot_ends_at_closing_time(make_shop):
    shop = make_shop("Boulangerie", hours=[(1, time(7, 0), time(8, 30))], preparation_minutes=0)
    slots = pickup_slots(merchant=shop, now=paris(2026, 12, 1, 6))
    assert [(s.starts_at.time(), s.ends_at.time()) for s in slots[:2]] == [
        (time(7), time(8)),
        (time(8), time(8, 30)),
    ]


def test_pickup_slots_are_in_paris_time_across_the_clock_change(make_shop):
    shop = make_shop("Librairie", preparation_minutes=0)
    # Saturday 28 March 2026, then summer time from Sunday 29 March: Tuesday 9:00 is UTC+2.
    slots = pickup_slots(merchant=shop, now=paris(2026, 3, 28, 19))
    assert slots[0].starts_at.utcoffset().total_seconds() == 7200
    assert slots[0].starts_at.astimezone(ZoneInfo("UTC")).hour == 7


def test_no_pickup_slot_when_the_shop_does_not_offer_click_and_collect(make_shop):
    shop = make_shop("Cidrerie", click_collect=False)
    assert pickup_slots(merchant=shop, now=paris(2026, 12, 1, 8)) == ()
