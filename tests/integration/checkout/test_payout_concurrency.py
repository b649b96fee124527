"""Two triggers at once (the status change and the daily retry, say) make one transfer.

PostgreSQL only: SQLite serialises writers, so it would prove nothing. stripe-mock gives
every created transfer a new id, so two transfers would leave two different ids behind.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from django.db import connection

from commerce.order.models import Order
from commerce.order.statuses import OrderStatus
from commerce.payment.connect import payout_account_apply
from commerce.payment.models import PayoutAccount, ShopPayout
from commerce.payment.payouts import payout_settle
from tests.services import database_is_postgres, in_ci, require_service

NO_POSTGRES = "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)"
CALLERS = 8


@pytest.mark.skipif(not database_is_postgres() and not in_ci(), reason=NO_POSTGRES)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_settlements_of_a_collected_order_make_one_transfer(paid_three_shops):
    require_service(database_is_postgres(), NO_POSTGRES)
    _, shops = paid_three_shops
    cheese, order = shops[0]
    PayoutAccount.objects.create(partner=cheese.partner, stripe_account_id="acct_cheese")
    payout_account_apply(
        account_data={
            "id": "acct_cheese",
            "details_submitted": True,
            "payouts_enabled": True,
            "capabilities": {"transfers": "active"},
        }
    )
    # Handed over without its own settlement, so the callers below race for the transfer.
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.COLLECTED)
    start = threading.Barrier(CALLERS)

    def settle():
        try:
            start.wait()
            return payout_settle(order_id=order.pk).stripe_transfer_id
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=CALLERS) as pool:
        ids = list(pool.map(lambda _: settle(), range(CALLERS)))

    payout = ShopPayout.objects.get(order=order)
    print(f"\n{CALLERS} concurrent settlements: {len(set(ids))} transfer id(s)")
    assert set(ids) == {payout.stripe_transfer_id}
    assert payout.transferred == Decimal("12.40")
