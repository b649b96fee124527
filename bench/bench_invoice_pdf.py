"""Invoice PDF benchmark: time to render one invoice (WeasyPrint) and embed its Factur-X XML.

    .venv/bin/python bench/bench_invoice_pdf.py --invoices 10 --lines 12

No database: the document's content is built in memory, as merchants.invoicing.content
gives it to the renderer. Prints the median and the slowest render, and the PDF's size.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--invoices", type=int, default=10)
    parser.add_argument("--lines", type=int, default=12)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orne_site.settings.dev")
    import django

    django.setup()
    from merchants.invoicing.content import DocumentContent, DocumentLine, Party, VatTotal
    from merchants.invoicing.pdf import document_pdf

    seller = Party(
        "Hébert et Fils SARL", ["12 rue Saint-Blaise", "61000 Alençon"], siren="732829320"
    )
    buyer = Party("Marie Lefèvre", ["8 rue du Château", "61000 Alençon"])
    line = DocumentLine("Camembert fermier", 2, Decimal("5.88"), Decimal("5.5"), Decimal("11.76"))
    total = Decimal("11.76") * args.lines
    content = DocumentContent(
        kind="invoice",
        number="F-0001-2026-000001",
        issued_at=datetime.now(UTC),
        seller=seller,
        buyer=buyer,
        order_number="OR0001-1",
        lines=[line] * args.lines,
        vat_totals=[
            VatTotal(Decimal("5.5"), total, (total * Decimal("0.055")).quantize(Decimal("0.01")))
        ],
        total_excl_tax=total,
        total_tax=(total * Decimal("0.055")).quantize(Decimal("0.01")),
        total_incl_tax=total + (total * Decimal("0.055")).quantize(Decimal("0.01")),
        vat_exempt=False,
        payment_date=datetime.now(UTC),
        payment_method="Carte bancaire",
    )
    document_pdf(content=content)  # warm-up: fonts and the XSD are loaded once
    times, size = [], 0
    for _ in range(args.invoices):
        start = time.perf_counter()
        size = len(document_pdf(content=content))
        times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(
        f"{args.invoices} invoices of {args.lines} lines: median {median:.0f} ms, "
        f"slowest {max(times) * 1000:.0f} ms, {size / 1024:.0f} KiB each"
    )


if __name__ == "__main__":
    main()
