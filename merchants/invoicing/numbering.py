"""One continuous sequence per shop, kind of document and year: F-0042-2026-000001.

The counter row is locked (SELECT ... FOR UPDATE) by the transaction that writes the
document, so two issues for one shop queue on it and a rollback gives the number back: the
numbers have no gap and no duplicate, whatever runs at the same time. Credit notes have
their own series (A-...): a credit note is a document of its own under French rules, and a
separate series keeps each one readable at a glance without making the invoices' series
jump.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from merchants.models import DocumentKind, InvoiceCounter, Merchant

PREFIXES = {DocumentKind.INVOICE: "F", DocumentKind.CREDIT_NOTE: "A"}


def document_number_next(*, merchant: Merchant, kind: str, year: int) -> tuple[str, int]:
    """The next number and its rank; call inside the transaction that saves the document."""
    counter = _counter_lock(merchant=merchant, kind=kind, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    number = f"{PREFIXES[kind]}-{merchant.pk:04d}-{year}-{counter.last:06d}"
    return number, counter.last


def _counter_lock(*, merchant: Merchant, kind: str, year: int) -> InvoiceCounter:
    rows = InvoiceCounter.objects.select_for_update()
    found = rows.filter(merchant=merchant, kind=kind, year=year).first()
    if found is not None:
        return found
    try:
        # The year's first document: two may race to create the row; the loser reads it.
        with transaction.atomic():
            InvoiceCounter.objects.create(merchant=merchant, kind=kind, year=year)
    except IntegrityError:
        pass
    return rows.get(merchant=merchant, kind=kind, year=year)
