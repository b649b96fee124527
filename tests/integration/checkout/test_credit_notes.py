"""A refund of a shop's order gives the shopper a credit note referencing the invoice.

The full flow on real services: a three-shop basket paid on localstripe, one shop's order
collected and its transfer accepted by stripe-mock, then a partial refund: the transfer is
reversed for the shop's part and the shop issues a credit note for the refunded amount.
"""

from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone
from facturx import get_xml_from_pdf, xml_check_xsd
from pypdf import PdfReader

from commerce.payment.models import ShopPayout
from commerce.payment.refunds import order_refund_partial
from merchants.models import CreditNote, Invoice
from tests.payments import account_enable, hand_over

pytestmark = pytest.mark.django_db


def test_each_paid_shop_order_is_invoiced_in_its_shops_own_series(paid_three_shops):
    checkout, shops = paid_three_shops

    year = timezone.localdate().year
    for shop, order in shops:
        invoice = Invoice.objects.get(order=order)
        assert invoice.merchant == shop
        assert invoice.number == f"F-{shop.pk:04d}-{year}-000001"
        assert invoice.total_incl_tax == order.total_incl_tax
        assert invoice.pdf


def test_a_partial_refund_after_the_transfer_reverses_it_and_issues_a_credit_note(
    paid_three_shops, django_capture_on_commit_callbacks
):
    _, shops = paid_three_shops
    cheese, order = shops[0]
    account_enable(cheese)
    hand_over(order, django_capture_on_commit_callbacks)
    payout = ShopPayout.objects.get(order=order)
    assert (payout.state, payout.transferred) == (ShopPayout.State.TRANSFERRED, Decimal("12.40"))

    with django_capture_on_commit_callbacks(execute=True):
        refund = order_refund_partial(order=order, amount=Decimal("3.10"))

    payout.refresh_from_db()
    assert (payout.reversed, payout.held_by_shop) == (Decimal("3.10"), Decimal("9.30"))
    assert [r.amount for r in payout.reversals.all()] == [Decimal("3.10")]
    note = CreditNote.objects.get(refund=refund)
    invoice = Invoice.objects.get(order=order)
    assert note.invoice == invoice
    assert note.number == f"A-{cheese.pk:04d}-{timezone.localdate().year}-000001"
    # 12.40 € at 5.5 %: the 3.10 € refunded are 2.94 € excl. VAT and 0.16 € of VAT.
    assert (note.total_incl_tax, note.total_excl_tax, note.total_tax) == (
        Decimal("3.10"),
        Decimal("2.94"),
        Decimal("0.16"),
    )
    with note.pdf.open("rb") as handle:
        data = handle.read()
    # Spaces folded: prices carry a narrow no-break space before "€" (commerce.prices).
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages).split())
    assert f"Avoir n° {note.number}" in text
    assert f"Avoir sur la facture n° {invoice.number}" in text
    assert "Total TTC 3,10 €" in text
    _, xml = get_xml_from_pdf(data, check_xsd=False)
    assert xml_check_xsd(xml, flavor="factur-x", level="basic")
    assert b"<ram:TypeCode>381</ram:TypeCode>" in xml


def test_a_second_partial_refund_gets_the_next_credit_note_number(
    paid_three_shops, django_capture_on_commit_callbacks
):
    _, shops = paid_three_shops
    books, order = shops[1]
    for amount in ("5.00", "2.50"):
        with django_capture_on_commit_callbacks(execute=True):
            order_refund_partial(order=order, amount=Decimal(amount))

    notes = CreditNote.objects.filter(merchant=books).order_by("sequence")
    assert [(n.sequence, n.total_incl_tax) for n in notes] == [
        (1, Decimal("5.00")),
        (2, Decimal("2.50")),
    ]
