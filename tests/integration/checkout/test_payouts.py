"""Each shop paid its part of a basket: ledger records, transfers, holds, reversals.

Payments and refunds run on localstripe; every Connect request (accounts, account links,
transfers with source_transaction, reversals, listing) goes to stripe-mock, which refuses
anything Stripe's OpenAPI description would. stripe-mock keeps no state, so what the shop
was paid is read from our ledger, with Stripe's ids on it.
"""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from commerce.order.statuses import OrderStatus
from commerce.payment.gateway import stripe_client
from commerce.payment.models import PayoutPolicy, ShopPayout, TransferMoment
from commerce.payment.payout_report import payouts_differences_with_stripe
from commerce.payment.payouts import payouts_retry
from commerce.payment.refunds import RefundRefused, order_refund_partial
from merchants.services.orders import merchant_order_set_status
from tests.payments import account_enable, hand_over

Order = get_model("order", "Order")
State = ShopPayout.State
pytestmark = pytest.mark.django_db


def test_a_three_shop_basket_opens_one_ledger_record_per_shop_order(paid_three_shops):
    checkout, shops = paid_three_shops

    payouts = ShopPayout.objects.order_by("due")

    assert [(p.due, p.commission, p.state) for p in payouts] == [
        (Decimal("7.15"), Decimal("0.00"), State.WAITING),
        (Decimal("12.40"), Decimal("0.00"), State.WAITING),
        (Decimal("18.00"), Decimal("0.00"), State.WAITING),
    ]
    assert {p.checkout_id for p in payouts} == {checkout.pk}
    assert {p.partner_id for p in payouts} == {shop.partner_id for shop, _ in shops}


def test_a_collected_order_transfers_its_shop_part_then_a_later_refund_reverses_it(
    paid_three_shops, django_capture_on_commit_callbacks
):
    checkout, shops = paid_three_shops
    (cheese, cheese_order), (books, _), _ = shops
    account = account_enable(cheese)

    hand_over(cheese_order, django_capture_on_commit_callbacks)

    payout = ShopPayout.objects.get(order=cheese_order)
    assert payout.state == State.TRANSFERRED
    assert payout.transferred == Decimal("12.40")
    assert payout.stripe_transfer_id.startswith("tr_")
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    assert payout.stripe_charge_id == intent.latest_charge.id
    assert account.stripe_account_id.startswith("acct_")
    # The other shops' orders are not handed over: nothing moved for them.
    assert ShopPayout.objects.exclude(pk=payout.pk).filter(state=State.WAITING).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        order_refund_partial(order=cheese_order, amount=Decimal("3.10"))

    payout.refresh_from_db()
    assert (payout.refunded, payout.reversed, payout.held_by_shop) == (
        Decimal("3.10"),
        Decimal("3.10"),
        Decimal("9.30"),
    )
    [reversal] = payout.reversals.all()
    assert reversal.amount == Decimal("3.10")
    assert reversal.stripe_reversal_id.startswith("trr_")
    refunds = stripe_client().v1.refunds.list(params={"payment_intent": checkout.payment_intent_id})
    assert [refund.amount for refund in refunds.data] == [310]


def test_the_commission_is_taken_from_the_transfer_and_follows_a_refund(
    paid_three_shops, django_capture_on_commit_callbacks
):
    _, shops = paid_three_shops
    books, book_order = shops[1]
    account = account_enable(books)
    # 10 % for everyone, and this shop pays 0.50 € per order on top.
    policy = PayoutPolicy.load()
    policy.commission_percent = Decimal("10")
    policy.save()
    account.commission_fixed = Decimal("0.50")
    account.save()
    ShopPayout.objects.filter(order=book_order).delete()  # opened before the rule changed

    hand_over(book_order, django_capture_on_commit_callbacks)
    payout = ShopPayout.objects.get(order=book_order)
    assert (payout.commission, payout.transferred) == (Decimal("2.30"), Decimal("15.70"))

    with django_capture_on_commit_callbacks(execute=True):
        order_refund_partial(order=book_order, amount=Decimal("5.00"))
    payout.refresh_from_db()
    # 13.00 € still sold: 1.30 + 0.50 of commission, the shop keeps 11.20.
    assert (payout.commission, payout.reversed, payout.held_by_shop) == (
        Decimal("1.80"),
        Decimal("4.50"),
        Decimal("11.20"),
    )


def test_a_shop_without_an_enabled_account_is_held_then_paid_when_stripe_enables_it(
    paid_three_shops, django_capture_on_commit_callbacks
):
    _, shops = paid_three_shops
    cider, cider_order = shops[2]

    hand_over(cider_order, django_capture_on_commit_callbacks)
    payout = ShopPayout.objects.get(order=cider_order)
    assert (payout.state, payout.transferred) == (State.HELD, Decimal("0.00"))

    with django_capture_on_commit_callbacks(execute=True):
        account_enable(cider)

    payout.refresh_from_db()
    assert (payout.state, payout.transferred) == (State.TRANSFERRED, Decimal("7.15"))


def test_a_refund_before_the_transfer_lowers_it_and_a_cancellation_cancels_it(
    paid_three_shops, django_capture_on_commit_callbacks
):
    _, shops = paid_three_shops
    (cheese, cheese_order), (books, book_order), _ = shops
    account_enable(cheese)
    account_enable(books)

    with django_capture_on_commit_callbacks(execute=True):
        order_refund_partial(order=cheese_order, amount=Decimal("2.40"))
    hand_over(cheese_order, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        merchant_order_set_status(order_id=book_order.pk, status=OrderStatus.CANCELLED, by=None)

    cheese_payout = ShopPayout.objects.get(order=cheese_order)
    book_payout = ShopPayout.objects.get(order=book_order)
    assert (cheese_payout.transferred, cheese_payout.reversed) == (Decimal("10.00"), Decimal("0"))
    assert (book_payout.state, book_payout.refunded, book_payout.transferred) == (
        State.CANCELLED,
        Decimal("18.00"),
        Decimal("0.00"),
    )


def test_staff_may_pay_shops_as_soon_as_the_order_is_placed(
    connect_settings, article, basket_of, django_capture_on_commit_callbacks, request
):
    policy = PayoutPolicy.load()
    policy.transfer_moment = TransferMoment.PLACED
    policy.save()
    checkout, shops = request.getfixturevalue("paid_three_shops")
    # No account enabled yet: placed orders wait for it, then are sent without a hand-over.
    assert set(ShopPayout.objects.values_list("state", flat=True)) == {State.HELD}

    with django_capture_on_commit_callbacks(execute=True):
        account_enable(shops[0][0])

    payout = ShopPayout.objects.get(order=shops[0][1])
    assert (payout.state, payout.transferred) == (State.TRANSFERRED, Decimal("12.40"))


def test_a_transfer_stripe_cannot_be_reached_for_is_failed_then_sent_by_the_daily_retry(
    paid_three_shops, django_capture_on_commit_callbacks, settings
):
    _, shops = paid_three_shops
    cheese, cheese_order = shops[0]
    account_enable(cheese)
    reachable = settings.STRIPE_CONNECT_API_BASE
    settings.STRIPE_CONNECT_API_BASE = "http://127.0.0.1:9"  # nothing listens there

    hand_over(cheese_order, django_capture_on_commit_callbacks)
    payout = ShopPayout.objects.get(order=cheese_order)
    assert payout.state == State.FAILED
    assert payout.failure

    settings.STRIPE_CONNECT_API_BASE = reachable
    assert payouts_retry() == 1
    payout.refresh_from_db()
    assert (payout.state, payout.transferred, payout.failure) == (
        State.TRANSFERRED,
        Decimal("12.40"),
        "",
    )


def test_a_partial_refund_beyond_what_is_left_is_refused_in_french(paid_three_shops):
    _, shops = paid_three_shops
    order = shops[2][1]
    order_refund_partial(order=order, amount=Decimal("7.00"))

    with pytest.raises(RefundRefused, match="Il ne reste que 0,15\u202f€"):
        order_refund_partial(order=order, amount=Decimal("0.20"))


def test_the_report_names_each_transfer_the_ledger_and_stripe_disagree_on(
    paid_three_shops, django_capture_on_commit_callbacks
):
    checkout, shops = paid_three_shops
    cheese, order = shops[0]
    account_enable(cheese)
    hand_over(order, django_capture_on_commit_callbacks)
    payout = ShopPayout.objects.get(order=order)

    differences = payouts_differences_with_stripe(since=payout.created_at)

    # stripe-mock keeps no state: its listing never holds the transfer just made, and
    # holds one of its own instead. Both sides of the difference are reported.
    ours = [d for d in differences if d.transfer_id == payout.stripe_transfer_id]
    assert [(d.checkout_number, d.ledger, d.stripe, d.message) for d in ours] == [
        (checkout.number, Decimal("12.40"), None, "virement absent chez Stripe")
    ]
    assert {d.message for d in differences if d not in ours} == {"virement inconnu du registre"}
