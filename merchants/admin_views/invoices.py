"""A shop's invoices and credit notes in the back office: the list and each PDF.

Read through merchants.invoicing.selectors (scoped to the user's shop; staff see all), so
another shop's document id is a 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from merchants.invoicing.downloads import document_pdf_response
from merchants.invoicing.selectors import (
    credit_notes_for_user,
    document_for_user,
    invoices_for_user,
)
from merchants.models import CreditNote, Invoice
from merchants.scoping import merchant_for_user, user_is_council_staff

LIST_SIZE = 200


class _ShopOrStaffMixin:
    def allowed(self, request) -> None:
        user = request.user
        if not (user_is_council_staff(user) or merchant_for_user(user) is not None):
            raise PermissionDenied


class InvoicesView(_ShopOrStaffMixin, View):
    """The most recent invoices and credit notes, each with its PDF."""

    def get(self, request):
        self.allowed(request)
        merchant = merchant_for_user(request.user)
        return render(
            request,
            "merchants/admin/invoices.html",
            {
                "page_title": _("Factures et avoirs"),
                "merchant": merchant,
                "invoices": invoices_for_user(user=request.user)[:LIST_SIZE],
                "credit_notes": credit_notes_for_user(user=request.user)[:LIST_SIZE],
                "show_shop": merchant is None,
            },
        )


class InvoiceDownloadView(_ShopOrStaffMixin, View):
    def get(self, request, kind: str, pk: int):
        self.allowed(request)
        try:
            document = document_for_user(user=request.user, kind=kind, pk=pk)
        except (Invoice.DoesNotExist, CreditNote.DoesNotExist):
            raise Http404 from None
        return document_pdf_response(document)
