"""Invoices and credit notes as django-tasks tasks: placing an order or refunding it never
waits for a PDF, and a rendering failure never undoes either (the task is retried)."""

from __future__ import annotations

from django_tasks import task

from merchants.invoicing.services import checkout_invoices_issue, refund_credit_note_make


@task()
def checkout_invoices_issue_task(*, checkout_id: int) -> None:
    checkout_invoices_issue(checkout_id=checkout_id)


@task()
def refund_credit_note_task(*, refund_id: int) -> None:
    refund_credit_note_make(refund_id=refund_id)
