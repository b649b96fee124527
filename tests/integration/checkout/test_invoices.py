"""Invoices in each shop's name: what the PDF says, its Factur-X XML, numbering, downloads.

The orders are placed by the real placement service (commerce.order.services); the PDF is
rendered by WeasyPrint and factur-x as in production, and read back with pypdf.
"""

import itertools
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from facturx import get_xml_from_pdf, xml_check_xsd
from pypdf import PdfReader

from checkout.follow import checkout_follow_path
from checkout.forms import CheckoutForm
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.services import (
    checkout_create,
    checkout_invoice_buyer_set,
    checkout_place_orders,
)
from merchants.invoicing.services import checkout_invoices_issue, document_pdf_render
from merchants.models import Invoice, InvoiceCounter
from merchants.templatetags.back_office import day_text
from tests.factories import siret_number
from tests.integration.checkout.conftest import MORNING

pytestmark = pytest.mark.django_db
BUYER = {
    "company": "Gîtes du Perche SARL",
    "siren": "732829320",
    "vat_number": "FR44732829320",
    "address": "3 rue des Tanneurs, 61400 Mortagne-au-Perche",
}


@pytest.fixture
def delivered_order(make_shop, article, basket_of, communes):
    """A cheese shop subject to VAT delivers two articles at two rates, with a fee."""
    sirets = itertools.count(7)

    def make(*, vat_exempt=False, buyer=None):
        home, _, _ = communes
        shop = make_shop(
            "Fromagerie Hébert",
            delivers_to=[home],
            fee="4.50",
            threshold="",
            legal_name="Hébert et Fils SARL",
            siret=siret_number(next(sirets)),
            vat_number="" if vat_exempt else "FR83404833048",
            vat_exempt=vat_exempt,
            address="12 rue Saint-Blaise",
        )
        cheese = article(shop, price="6.20", vat="5.5", title="Camembert fermier")
        knife = article(shop, price="24.00", vat="20", title="Couteau à fromage")
        plan = checkout_plan_build(
            groups=basket_groups_by_merchant(basket=basket_of([(cheese, 2), (knife, 1)])),
            choices={shop.pk: FulfilmentChoice(FulfilmentMode.DELIVERY, "")},
            commune=home,
            now=MORNING,
        )
        checkout = checkout_create(
            plan=plan,
            email="marie@example.org",
            name="Marie Lefèvre",
            shipping_address={
                "first_name": "Marie",
                "last_name": "Lefèvre",
                "line1": "8 rue du Château",
                "postcode": "61000",
                "city": "Alençon",
            },
        )
        if buyer:
            checkout_invoice_buyer_set(checkout=checkout, buyer=buyer)
        (order,) = checkout_place_orders(checkout_id=checkout.pk).orders
        (invoice,) = checkout_invoices_issue(checkout_id=checkout.pk)
        return shop, order, invoice

    return make


def pdf_text(invoice) -> str:
    with invoice.pdf.open("rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    # Spaces folded: prices carry a narrow no-break space before "€" (commerce.prices).
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_invoice_pdf_holds_every_mandatory_mention(delivered_order):
    shop, order, invoice = delivered_order(buyer=BUYER)

    text = pdf_text(invoice)
    year = timezone.localdate(invoice.issued_at).year
    assert invoice.number == f"F-{shop.pk:04d}-{year}-000001"
    for mention in [
        f"Facture n° {invoice.number}",
        day_text(invoice.issued_at),
        # the seller, in whose name the platform invoices
        "Hébert et Fils SARL",
        "12 rue Saint-Blaise",
        f"SIREN : {shop.siret[:9]}",
        f"SIRET : {shop.siret}",
        "N° TVA intracommunautaire : FR83404833048",
        # the buyer, with the business details given at checkout
        "Marie Lefèvre",
        "Gîtes du Perche SARL",
        "3 rue des Tanneurs, 61400 Mortagne-au-Perche",
        "SIREN : 732829320",
        "FR44732829320",
        # each line: quantity, unit price excl. VAT, rate, total excl. VAT
        "Camembert fermier 2 5,88 € 5,5 % 11,76 €",
        "Couteau à fromage 1 20,00 € 20 % 20,00 €",
        "Frais de livraison 1 3,75 € 20 % 3,75 €",
        # totals: excl. VAT, VAT per rate, incl. VAT
        "Total HT 35,51 €",
        "TVA 5,5 % sur 11,76 € 0,64 €",
        "TVA 20 % sur 23,75 € 4,75 €",
        "Total TTC 40,90 €",
        # payment
        f"Payée le {day_text(order.checkout.placed_at)}",
        "Carte bancaire",
    ]:
        assert mention in text, mention
    assert order.total_incl_tax == Decimal("40.90")
    assert (invoice.total_excl_tax, invoice.total_tax) == (Decimal("35.51"), Decimal("5.39"))


def test_a_shop_under_the_vat_franchise_invoices_without_vat_and_says_why(delivered_order):
    _, _, invoice = delivered_order(vat_exempt=True)

    text = pdf_text(invoice)
    assert "TVA non applicable, art. 293 B du CGI" in text
    assert "Camembert fermier 2 6,20 € — 12,40 €" in text
    assert "Total HT 40,90 €" in text
    assert "TVA 5,5 %" not in text
    assert (invoice.total_excl_tax, invoice.total_tax) == (Decimal("40.90"), Decimal("0.00"))


@pytest.mark.parametrize("vat_exempt", [False, True])
def test_the_embedded_factur_x_xml_passes_the_xsd_check(delivered_order, vat_exempt):
    _, _, invoice = delivered_order(vat_exempt=vat_exempt, buyer=BUYER)

    with invoice.pdf.open("rb") as handle:
        filename, xml = get_xml_from_pdf(handle.read(), check_xsd=False)
    assert filename == "factur-x.xml"
    assert xml_check_xsd(xml, flavor="factur-x", level="basic")
    assert invoice.number.encode() in xml
    assert b"<ram:GrandTotalAmount>40.90</ram:GrandTotalAmount>" in xml


def test_issuing_again_keeps_the_number_and_the_pdf(delivered_order):
    shop, order, invoice = delivered_order()
    first_pdf = invoice.pdf.name

    (again,) = checkout_invoices_issue(checkout_id=order.checkout_id)
    document_pdf_render(document=again)

    assert (again.pk, again.number, again.pdf.name) == (invoice.pk, invoice.number, first_pdf)
    assert Invoice.objects.count() == 1
    assert InvoiceCounter.objects.get(merchant=shop).last == 1


def test_the_shopper_downloads_the_invoice_from_the_follow_up_link(client, delivered_order):
    _, order, invoice = delivered_order()
    follow = checkout_follow_path(checkout=order.checkout)

    page = client.get(follow)
    url = reverse(
        "orne_checkout:follow_document",
        kwargs={"token": follow.rstrip("/").rsplit("/", 1)[-1], "number": invoice.number},
    )
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_follow_up_link_opens_no_other_checkouts_invoice(client, delivered_order):
    _, order, _ = delivered_order()
    other_shop, other_order, other_invoice = delivered_order()
    token = checkout_follow_path(checkout=order.checkout).rstrip("/").rsplit("/", 1)[-1]

    url = reverse(
        "orne_checkout:follow_document", kwargs={"token": token, "number": other_invoice.number}
    )
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("siren", "123", "Un numéro SIREN compte 9 chiffres"),
        ("vat_number", "FR00000000000", "numéro de TVA intracommunautaire n'est pas valide"),
    ],
)
def test_a_wrong_business_number_at_checkout_is_refused_in_french(field, value, message):
    with pytest.raises(ValidationError) as refused:
        CheckoutForm.base_fields[field].clean(value)
    assert message in refused.value.messages[0]
