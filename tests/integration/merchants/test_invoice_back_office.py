"""A shop's invoices in the back office: its list, the order page's link, the download."""

import pytest
from oscar.test.factories import OrderFactory, OrderLineFactory

from commerce.order.statuses import OrderStatus
from merchants.models import Invoice
from tests.factories import invoice_with_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoiced_order(onboard):
    shop = onboard("Alpha Fromages", email="alpha@example.org")
    order = OrderFactory(number="A-0001", status=OrderStatus.RECEIVED)
    OrderLineFactory(order=order, partner=shop.partner, partner_name=shop.name)
    invoice = invoice_with_pdf(
        merchant=shop, order=order, number="F-0001-2026-000001", total="12.00", pdf=b"%PDF-1.7 test"
    )
    return shop, order, invoice


def test_a_merchant_lists_and_downloads_its_invoices(client, invoiced_order):
    shop, order, invoice = invoiced_order
    client.force_login(shop.users.get())

    page = client.get("/admin/factures/").content.decode()
    assert "F-0001-2026-000001" in page
    assert "12,00\u202f€" in page
    download = client.get(f"/admin/factures/invoice/{invoice.pk}/pdf/")
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('filename="F-0001-2026-000001.pdf"')
    assert b"".join(download.streaming_content) == b"%PDF-1.7 test"


def test_the_order_page_links_its_invoice(client, invoiced_order):
    shop, order, invoice = invoiced_order
    client.force_login(shop.users.get())

    page = client.get(f"/admin/commandes/edit/{order.pk}/").content.decode()
    assert "Facture et avoirs" in page and "F-0001-2026-000001" in page
    assert f"/admin/factures/invoice/{invoice.pk}/pdf/" in page


def test_an_invoice_still_rendering_is_said_to_be_in_preparation(client, invoiced_order):
    shop, order, invoice = invoiced_order
    Invoice.objects.filter(pk=invoice.pk).update(pdf="")
    client.force_login(shop.users.get())

    assert "En préparation" in client.get("/admin/factures/").content.decode()
    assert client.get(f"/admin/factures/invoice/{invoice.pk}/pdf/").status_code == 404
