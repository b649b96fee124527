"""Issuing invoices and credit notes, and rendering their PDF (Factur-X).

Issuing and rendering are two steps, both idempotent:
1. issue: under the order's (or invoice's) row lock, the document is looked up, and if it
   does not exist it gets the next number of the shop's series and is saved with its totals
   (merchants.invoicing.numbering holds the counter's lock until the commit);
2. render: a document without a PDF gets one (WeasyPrint, then the Factur-X XML embedded),
   saved in the default storage; rendering again replaces nothing unless asked.
A failure in step 2 leaves a numbered document without a PDF, which the next run renders.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from commerce.order.models import Order
from commerce.payment.models import Refund
from merchants.invoicing.content import (
    credit_note_content,
    credit_note_split,
    document_totals,
    invoice_content,
)
from merchants.invoicing.numbering import document_number_next
from merchants.invoicing.pdf import document_pdf
from merchants.models import CreditNote, DocumentKind, Invoice, Merchant

logger = logging.getLogger(__name__)


def order_invoice_issue(*, order_id: int) -> Invoice:
    """The order's invoice, numbered now if it has none yet."""
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=order_id)
        found = Invoice.objects.filter(order=order).first()
        if found is not None:
            return found
        merchant = Merchant.objects.filter(partner__order_lines__order=order).distinct().get()
        now = timezone.now()
        number, sequence = document_number_next(
            merchant=merchant, kind=DocumentKind.INVOICE, year=timezone.localdate(now).year
        )
        incl = order.total_incl_tax
        excl = incl if merchant.vat_exempt else order.total_excl_tax
        return Invoice.objects.create(
            merchant=merchant,
            order=order,
            number=number,
            sequence=sequence,
            issued_at=now,
            total_excl_tax=excl,
            total_tax=incl - excl,
            total_incl_tax=incl,
        )


def refund_credit_note_issue(*, refund_id: int) -> CreditNote | None:
    """The refund's credit note, referencing the order's invoice (issued first if missing).

    None for a refund of no order (stock missing at placement, a payment without orders):
    nothing was invoiced for it.
    """
    refund = Refund.objects.select_related("order").get(pk=refund_id)
    if refund.order_id is None:
        return None
    invoice = order_invoice_issue(order_id=refund.order_id)
    with transaction.atomic():
        invoice = Invoice.objects.select_for_update().select_related("merchant").get(pk=invoice.pk)
        found = CreditNote.objects.filter(refund=refund).first()
        if found is not None:
            return found
        shares = credit_note_split(
            amount=refund.amount,
            vat_totals=invoice_content(invoice=invoice).vat_totals,
            exempt=invoice.merchant.vat_exempt,
        )
        excl, vat, incl = document_totals(vat_totals=shares)
        now = timezone.now()
        number, sequence = document_number_next(
            merchant=invoice.merchant,
            kind=DocumentKind.CREDIT_NOTE,
            year=timezone.localdate(now).year,
        )
        return CreditNote.objects.create(
            merchant=invoice.merchant,
            invoice=invoice,
            refund=refund,
            number=number,
            sequence=sequence,
            issued_at=now,
            total_excl_tax=excl,
            total_tax=vat,
            total_incl_tax=incl,
        )


def document_pdf_render(*, document: Invoice | CreditNote, again: bool = False) -> None:
    """Give the document its PDF (Factur-X) if it has none, or anew with ``again``."""
    if document.pdf and not again:
        return
    if isinstance(document, CreditNote):
        content = credit_note_content(credit_note=document)
    else:
        content = invoice_content(invoice=document)
    data = document_pdf(content=content)
    old = document.pdf.name if document.pdf else ""
    document.pdf.save(f"{document.number}.pdf", ContentFile(data), save=False)
    type(document).objects.filter(pk=document.pk).update(pdf=document.pdf.name)
    if old and old != document.pdf.name:
        document.pdf.storage.delete(old)


def checkout_invoices_issue(*, checkout_id: int) -> list[Invoice]:
    """Every order of a placed checkout gets its invoice, then its PDF."""
    invoices = []
    for order_id in Order.objects.filter(checkout_id=checkout_id).values_list("pk", flat=True):
        invoice = order_invoice_issue(order_id=order_id)
        document_pdf_render(document=invoice)
        invoices.append(invoice)
    return invoices


def refund_credit_note_make(*, refund_id: int) -> CreditNote | None:
    """The refund's credit note and its PDF (the invoice's PDF too if it was still missing)."""
    credit_note = refund_credit_note_issue(refund_id=refund_id)
    if credit_note is not None:
        document_pdf_render(document=credit_note.invoice)
        document_pdf_render(document=credit_note)
    return credit_note
