"""Twenty orders of one shop placed at once: invoice numbers 1…20, no gap, no duplicate.

PostgreSQL only: SQLite serialises whole-database writes, so it would prove nothing. Each
thread places its checkout and issues its invoices as the task does right after placement.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

from commerce.order.services import checkout_place_orders
from merchants.invoicing.services import order_invoice_issue
from merchants.models import Invoice
from tests.services import NO_POSTGRES, database_is_postgres, postgres_threads_test, require_service

BUYERS = 20


@postgres_threads_test
def test_twenty_concurrent_placements_number_the_shops_invoices_one_to_twenty(
    make_shop, article, pickup_checkouts
):
    require_service(database_is_postgres(), NO_POSTGRES)
    shop = make_shop("Librairie")
    record = article(shop, stock=BUYERS, title="Le Horla")
    checkouts = pickup_checkouts(shop=shop, record=record, count=BUYERS)
    start = threading.Barrier(BUYERS)

    def buy(checkout_id):
        try:
            start.wait()
            (order,) = checkout_place_orders(checkout_id=checkout_id).orders
            return order_invoice_issue(order_id=order.pk).sequence
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=BUYERS) as pool:
        sequences = list(pool.map(buy, [c.pk for c in checkouts]))

    assert sorted(sequences) == list(range(1, BUYERS + 1))
    numbers = list(Invoice.objects.filter(merchant=shop).values_list("number", flat=True))
    assert len(set(numbers)) == BUYERS
    assert sorted(int(number.rsplit("-", 1)[1]) for number in numbers) == sorted(sequences)
