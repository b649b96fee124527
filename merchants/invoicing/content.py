"""What an invoice or a credit note says, computed once from the order (or the refund).

The PDF template and the Factur-X XML both read this: the two can never disagree. A shop
under the VAT franchise (art. 293 B du CGI) invoices its prices as they are, without VAT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from commerce.partner.vat import CENT, price_excl_tax
from merchants.models import CreditNote, Invoice, Merchant
from merchants.order_selectors import order_customer, order_vat_breakdown, vat_rate_of

ZERO = Decimal("0.00")
VAT_EXEMPT_MENTION = "TVA non applicable, art. 293 B du CGI"


@dataclass(frozen=True)
class Party:
    name: str
    address: list[str]
    company: str = ""
    siren: str = ""
    siret: str = ""
    vat_number: str = ""
    email: str = ""


@dataclass(frozen=True)
class DocumentLine:
    title: str
    quantity: int
    unit_excl_tax: Decimal
    vat_rate: Decimal
    total_excl_tax: Decimal


@dataclass(frozen=True)
class VatTotal:
    rate: Decimal
    excl_tax: Decimal
    vat: Decimal


@dataclass(frozen=True)
class DocumentContent:
    kind: str  # "invoice" or "credit_note"
    number: str
    issued_at: datetime
    seller: Party
    buyer: Party
    order_number: str
    lines: list[DocumentLine]
    vat_totals: list[VatTotal]
    total_excl_tax: Decimal
    total_tax: Decimal
    total_incl_tax: Decimal
    vat_exempt: bool
    payment_date: datetime | None
    payment_method: str
    invoice_number: str = ""  # the invoice a credit note corrects
    reason: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def is_credit_note(self) -> bool:
        return self.kind == "credit_note"


def seller_party(*, merchant: Merchant) -> Party:
    commune = merchant.commune
    postcode = (commune.postal_codes or [""])[0]
    town = f"{postcode} {commune.name}"
    return Party(
        name=merchant.legal_name or merchant.name,
        company=merchant.name,
        address=[line for line in (merchant.address, town.strip()) if line],
        siren=merchant.siret[:9],
        siret=merchant.siret,
        vat_number="" if merchant.vat_exempt else merchant.vat_number,
        email=merchant.email,
    )


def buyer_party(*, order) -> Party:
    customer = order_customer(order=order)
    business = (order.checkout.invoice_buyer if order.checkout_id else None) or {}
    address = order.shipping_address
    if business.get("address"):
        lines = [business["address"]]
    elif address is not None:
        lines = [
            part
            for part in (
                address.line1,
                address.line2,
                f"{address.postcode} {address.line4}".strip(),
            )
            if part
        ]
    else:
        lines = []
    return Party(
        name=customer.name or customer.email,
        company=business.get("company", ""),
        address=lines,
        siren=business.get("siren", "").replace(" ", ""),
        vat_number=business.get("vat_number", "").replace(" ", ""),
        email=customer.email,
    )


def invoice_content(*, invoice: Invoice) -> DocumentContent:
    """The invoice of one shop order: its lines, the delivery fee, VAT per rate, payment."""
    order, merchant = invoice.order, invoice.merchant
    exempt = merchant.vat_exempt
    lines = []
    for line in order.lines.all():
        rate = (
            ZERO
            if exempt
            else vat_rate_of(incl=line.line_price_incl_tax, excl=line.line_price_excl_tax)
        )
        unit = line.unit_price_incl_tax if exempt else line.unit_price_excl_tax
        total = line.line_price_incl_tax if exempt else line.line_price_excl_tax
        lines.append(DocumentLine(line.title, line.quantity, unit, rate, total))
    if order.shipping_incl_tax:
        incl, excl = order.shipping_incl_tax, order.shipping_excl_tax
        rate = ZERO if exempt else vat_rate_of(incl=incl, excl=excl)
        amount = incl if exempt else excl
        lines.append(DocumentLine(_("Frais de livraison"), 1, amount, rate, amount))
    if exempt:
        vat_totals = [VatTotal(ZERO, order.total_incl_tax, ZERO)]
    else:
        vat_totals = [VatTotal(v.rate, v.excl_tax, v.vat) for v in order_vat_breakdown(order=order)]
    return _content(
        document=invoice, kind="invoice", lines=lines, vat_totals=vat_totals, exempt=exempt
    )


def credit_note_content(*, credit_note: CreditNote) -> DocumentContent:
    """The refund spread over the invoice's VAT rates pro rata (the last rate takes the cents)."""
    invoice, refund = credit_note.invoice, credit_note.refund
    shares = credit_note_split(
        amount=refund.amount,
        vat_totals=invoice_content(invoice=invoice).vat_totals,
        exempt=invoice.merchant.vat_exempt,
    )
    reason = refund.get_kind_display()
    lines = [
        DocumentLine(
            reason,
            1,
            share.excl_tax,
            share.rate,
            share.excl_tax,
        )
        for share in shares
    ]
    content = _content(
        document=credit_note,
        kind="credit_note",
        lines=lines,
        vat_totals=shares,
        exempt=invoice.merchant.vat_exempt,
    )
    return DocumentContent(
        **{**content.__dict__, "invoice_number": invoice.number, "reason": reason}
    )


def credit_note_split(
    *, amount: Decimal, vat_totals: list[VatTotal], exempt: bool
) -> list[VatTotal]:
    """``amount`` (incl. VAT) split over the invoice's rates in proportion to their amounts."""
    incl_by_rate = [(v.rate, v.excl_tax + v.vat) for v in vat_totals if v.excl_tax + v.vat]
    whole = sum((incl for _, incl in incl_by_rate), ZERO)
    shares, left = [], amount
    for index, (rate, incl) in enumerate(incl_by_rate):
        last = index == len(incl_by_rate) - 1
        part = left if last else (amount * incl / whole).quantize(CENT)
        left -= part
        excl = part if exempt else price_excl_tax(price_incl_tax=part, vat_rate=rate)
        shares.append(VatTotal(rate, excl, part - excl))
    return shares


def document_totals(*, vat_totals: list[VatTotal]) -> tuple[Decimal, Decimal, Decimal]:
    excl = sum((v.excl_tax for v in vat_totals), ZERO)
    vat = sum((v.vat for v in vat_totals), ZERO)
    return excl, vat, excl + vat


def _content(*, document, kind, lines, vat_totals, exempt) -> DocumentContent:
    order = document.invoice.order if kind == "credit_note" else document.order
    checkout = order.checkout
    excl, vat, incl = document_totals(vat_totals=vat_totals)
    return DocumentContent(
        kind=kind,
        number=document.number,
        issued_at=document.issued_at,
        seller=seller_party(merchant=document.merchant),
        buyer=buyer_party(order=order),
        order_number=order.number,
        lines=lines,
        vat_totals=vat_totals,
        total_excl_tax=excl,
        total_tax=vat,
        total_incl_tax=incl,
        vat_exempt=exempt,
        payment_date=(
            document.refund.created_at
            if kind == "credit_note"
            else (checkout.placed_at if checkout else order.date_placed)
        ),
        payment_method=(
            _("Remboursement sur la carte bancaire")
            if kind == "credit_note"
            else _("Carte bancaire (paiement en ligne)")
        ),
    )
