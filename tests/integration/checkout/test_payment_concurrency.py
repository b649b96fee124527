"""Payment races on PostgreSQL: a checkout changed while its card is confirmed, and twenty
callers refunding the same amount at once (browser return and webhook both do).

Needs PostgreSQL (row locks; SQLite serialises whole-database writes and would prove
nothing) and localstripe: skips locally without them, fails in CI.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from checkout.fulfilment import pickup_slots
from checkout.plans import CheckoutNotPossible, FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from checkout.services import checkout_prepare
from commerce.order.models import Checkout, FulfilmentMode
from commerce.order.services import checkout_create, checkout_place_orders
from commerce.payment.gateway import stripe_client
from commerce.payment.models import Refund
from commerce.payment.services import (
    PaymentNotSucceeded,
    checkout_payment_confirm,
    checkout_payment_start,
    checkout_refund_outstanding,
    payment_succeeded,
)
from tests.payments import VISA, card_token
from tests.services import database_is_postgres, in_ci, require_service

ATTEMPTS = 20
CALLERS = 20
NO_POSTGRES = "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)"
NOW = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))


def in_parallel(*calls):
    """Run each call in its own thread and connection, all released at once."""
    start = threading.Barrier(len(calls))

    def run(call):
        try:
            start.wait()
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def plan_for(basket, choices):
    return checkout_plan_build(
        groups=basket_groups_by_merchant(basket=basket), choices=choices, commune=None, now=NOW
    )


@pytest.mark.skipif(not database_is_postgres() and not in_ci(), reason=NO_POSTGRES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_checkout_changed_while_its_card_is_confirmed_ends_in_orders_or_a_refund(
    stripe_settings, make_shop, article, basket_of
):
    require_service(database_is_postgres(), NO_POSTGRES)
    shop = make_shop("Librairie")
    book = article(shop, price="18.00", stock=1000, title="Le Horla")
    bookmark = article(shop, price="2.50", stock=1000, title="Marque-page")
    slot = pickup_slots(merchant=shop, now=NOW)[0]
    choices = {shop.pk: FulfilmentChoice(FulfilmentMode.CLICK_COLLECT, slot.key)}
    outcomes = Counter()
    for n in range(ATTEMPTS):
        basket = basket_of([(book, 1)])
        checkout = checkout_create(
            plan=plan_for(basket, choices), email=f"client{n}@example.org", basket=basket
        )
        checkout_payment_start(checkout=checkout)
        token = card_token(VISA)
        basket_of([(bookmark, 1)], basket=basket)  # added in a second tab

        def confirm(checkout=checkout, token=token):
            return checkout_payment_confirm(checkout=checkout, card_token=token)

        def change(checkout=checkout, basket=basket, n=n):
            try:
                return checkout_prepare(
                    basket=basket,
                    choices=choices,
                    commune=None,
                    email=f"client{n}@example.org",
                    now=NOW,
                    pending=checkout,
                )
            except CheckoutNotPossible:
                return None

        in_parallel(confirm, change)
        try:
            payment_succeeded(payment_intent_id=checkout.payment_intent_id)
        except PaymentNotSucceeded:
            pass
        checkout.refresh_from_db()
        if checkout.orders.exists():
            intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
            assert int(intent.amount) == int(checkout.amount * 100)
            outcomes["orders placed"] += 1
        elif checkout.refunds.filter(kind=Refund.Kind.AMOUNT_MISMATCH).exists():
            outcomes["refunded in full"] += 1
        else:
            outcomes["charged, neither order nor refund"] += 1

    print(f"\n{ATTEMPTS} checkouts changed during payment: {dict(outcomes)}")
    assert outcomes["charged, neither order nor refund"] == 0
    assert outcomes["orders placed"] + outcomes["refunded in full"] == ATTEMPTS


@pytest.mark.skipif(not database_is_postgres() and not in_ci(), reason=NO_POSTGRES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_callers_refunding_missing_stock_at_once_make_one_stripe_refund(
    stripe_settings, make_shop, article, basket_of
):
    require_service(database_is_postgres(), NO_POSTGRES)
    shop = make_shop("Librairie")
    book = article(shop, price="18.00", stock=1, title="Le Horla")
    bookmark = article(shop, price="2.50", stock=10, title="Marque-page")
    slot = pickup_slots(merchant=shop, now=NOW)[0]
    choices = {shop.pk: FulfilmentChoice(FulfilmentMode.CLICK_COLLECT, slot.key)}
    basket = basket_of([(book, 1), (bookmark, 1)])
    checkout = checkout_create(plan=plan_for(basket, choices), email="a@example.org")
    assert checkout_payment_confirm(checkout=checkout, card_token=card_token(VISA)).status == (
        "succeeded"
    )
    book.num_allocated = 1  # the last copy went to another shopper meanwhile
    book.save()
    checkout_place_orders(checkout_id=checkout.pk)
    checkout.refresh_from_db()
    intent_id = checkout.payment_intent_id

    def browser_return():
        return payment_succeeded(payment_intent_id=intent_id)

    def webhook_or_retry():
        return checkout_refund_outstanding(checkout=Checkout.objects.get(pk=checkout.pk))

    in_parallel(*[browser_return, webhook_or_retry] * (CALLERS // 2))

    listed = stripe_client().v1.refunds.list(params={"payment_intent": intent_id, "limit": 100})
    print(f"\n{CALLERS} refund callers: {len(listed.data)} Stripe refund(s)")
    assert [refund.amount for refund in listed.data] == [1800]
    assert list(Refund.objects.values_list("kind", "amount")) == [
        ("missing_stock", Decimal("18.00"))
    ]
