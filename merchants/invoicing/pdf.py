"""A document's PDF: WeasyPrint renders the Django template, factur-x embeds the CII XML.

The XML (Factur-X BASIC profile) is built from the same DocumentContent as the page, and
factur-x checks it against its XSD before embedding it: an invalid one never gets out.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from merchants.invoicing.content import DocumentContent


def document_xml(*, content: DocumentContent) -> bytes:
    """The Factur-X (CII) XML of the document."""
    return render_to_string(
        "merchants/invoicing/facturx.xml",
        {
            "doc": content,
            "issue_date": timezone.localtime(content.issued_at).strftime("%Y%m%d"),
            # E: exempt (the franchise en base); S: the standard VAT categories.
            "category": "E" if content.vat_exempt else "S",
        },
    ).encode("utf-8")


def document_pdf(*, content: DocumentContent) -> bytes:
    """The Factur-X PDF (a PDF/A-3 with the XML attached) of the document."""
    # Imported here: WeasyPrint loads Pango when imported, and only the task needs it.
    from facturx import generate_from_binary
    from PIL import ImageFile
    from weasyprint import HTML

    # Importing WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process, which
    # would let a worker that rendered an invoice accept truncated photos and PNG text-chunk
    # bombs (merchants.images refuses both). Our documents embed no image: put it back.
    ImageFile.LOAD_TRUNCATED_IMAGES = False

    with override("fr"):
        html = render_to_string("merchants/invoicing/document.html", {"doc": content})
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/a-3b")
    return generate_from_binary(
        pdf,
        document_xml(content=content),
        flavor="factur-x",
        level="basic",
        check_xsd=True,
        lang="fr-FR",
    )
