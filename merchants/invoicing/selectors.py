"""Reads of invoices and credit notes: scoped to the user's shop (merchants.scoping), or to
one checkout for the shopper's signed follow-up link."""

from __future__ import annotations

from django.db.models import QuerySet

from merchants.models import CreditNote, DocumentKind, Invoice
from merchants.scoping import scope_to_merchant

MODELS = {DocumentKind.INVOICE: Invoice, DocumentKind.CREDIT_NOTE: CreditNote}


def invoices_for_user(*, user) -> QuerySet[Invoice]:
    """The user's shop's invoices, newest first, each with its order and shop."""
    rows = Invoice.objects.select_related("order", "merchant")
    return scope_to_merchant(rows, user=user, merchant_path="merchant").order_by(
        "-issued_at", "-pk"
    )


def credit_notes_for_user(*, user) -> QuerySet[CreditNote]:
    rows = CreditNote.objects.select_related("invoice__order", "merchant", "refund")
    return scope_to_merchant(rows, user=user, merchant_path="merchant").order_by(
        "-issued_at", "-pk"
    )


def document_for_user(*, user, kind: str, pk: int) -> Invoice | CreditNote:
    """One document in the user's scope; DoesNotExist for another shop's (a 404)."""
    if kind == DocumentKind.CREDIT_NOTE:
        return credit_notes_for_user(user=user).get(pk=pk)
    if kind == DocumentKind.INVOICE:
        return invoices_for_user(user=user).get(pk=pk)
    raise Invoice.DoesNotExist


def documents_for_order(*, order) -> list[Invoice | CreditNote]:
    """An order's invoice then its credit notes, oldest first (for its pages)."""
    invoice = Invoice.objects.filter(order=order).prefetch_related("credit_notes").first()
    if invoice is None:
        return []
    return [invoice, *invoice.credit_notes.order_by("issued_at", "pk")]


def documents_for_checkout(*, checkout) -> list[Invoice | CreditNote]:
    """Every invoice and credit note of the checkout's orders, by order then date (2 queries)."""
    invoices = list(
        Invoice.objects.filter(order__checkout=checkout)
        .select_related("merchant", "order")
        .prefetch_related("credit_notes")
        .order_by("order__number")
    )
    documents = []
    for invoice in invoices:
        documents.append(invoice)
        documents.extend(sorted(invoice.credit_notes.all(), key=lambda n: (n.issued_at, n.pk)))
    return documents


def document_for_checkout(*, checkout, number: str) -> Invoice | CreditNote | None:
    """A document of one of the checkout's orders, by its number (the follow-up link)."""
    invoice = Invoice.objects.filter(order__checkout=checkout, number=number).first()
    if invoice is not None:
        return invoice
    return CreditNote.objects.filter(invoice__order__checkout=checkout, number=number).first()


def document_kind(document: Invoice | CreditNote) -> str:
    return DocumentKind.CREDIT_NOTE if isinstance(document, CreditNote) else DocumentKind.INVOICE
