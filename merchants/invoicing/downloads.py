"""A document's PDF as an HTTP download, for the back office and the shopper's follow-up."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from merchants.models import CreditNote, Invoice


def document_pdf_response(document: Invoice | CreditNote) -> FileResponse:
    """The PDF named after its number; 404 while the task is still rendering it."""
    if not document.pdf:
        raise Http404(_("Le PDF est en préparation : réessayez dans une minute."))
    return FileResponse(
        document.pdf.open("rb"),
        as_attachment=True,
        filename=f"{document.number}.pdf",
        content_type="application/pdf",
    )
