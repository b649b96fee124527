"""Basket page by shop, the checkout form, and the e-mails after a purchase."""

import json
import re
from html import unescape

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override
from oscar.core.loading import get_model

from commerce.order.models import Checkout
from orne_site.demo.images import product_photo_jpeg
from tests.payments import ADDRESS, VISA, card_token

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ProductImage = get_model("catalogue", "ProductImage")
pytestmark = pytest.mark.django_db


def add_to_basket(client, record, quantity=1):
    response = client.post(reverse("basket:add", args=[record.product.pk]), {"quantity": quantity})
    assert response.status_code == 302


def test_the_basket_page_groups_lines_by_shop_with_subtotals(client, make_shop, article):
    cheese, books = make_shop("Fromagerie Hébert"), make_shop("Librairie du Passage")
    add_to_basket(client, article(cheese, price="6.20", title="Camembert"), 2)
    add_to_basket(client, article(books, price="18.00", title="Le Horla"))

    page = client.get(reverse("basket:summary"))

    html = page.content.decode()
    assert page.status_code == 200
    assert [g.merchant.name for g in page.context["groups"]] == [
        "Fromagerie Hébert",
        "Librairie du Passage",
    ]
    assert "Sous-total" in html and "12,40\u202f€" in html and "30,40\u202f€" in html


def test_the_basket_page_costs_the_same_queries_for_3_shops_of_5_lines(client, make_shop, article):
    add_to_basket(client, article(make_shop("Seule")))
    with CaptureQueriesContext(connection) as one_line:
        client.get(reverse("basket:summary"))
    for shop in [make_shop(f"Boutique {n}") for n in range(3)]:
        for _ in range(5):
            add_to_basket(client, article(shop))
    with CaptureQueriesContext(connection) as sixteen_lines:
        page = client.get(reverse("basket:summary"))
    assert sum(len(g.lines) for g in page.context["groups"]) == 16
    assert len(sixteen_lines.captured_queries) == len(one_line.captured_queries)


def test_a_quantity_above_the_stock_is_lowered_with_a_french_message(client, make_shop, article):
    record = article(make_shop("Librairie"), stock=3)
    add_to_basket(client, record)
    line = Basket.objects.get().lines.get()
    response = client.post(
        reverse("basket-line-update", args=[line.pk]), {"quantity": 9}, follow=True
    )
    line.refresh_from_db()
    assert line.quantity == 3
    assert "il n'en reste que 3, quantité ajustée" in unescape(response.content.decode())


def test_the_address_is_asked_only_when_a_shop_delivers(
    client, stripe_settings, make_shop, article
):
    books = make_shop("Librairie")
    add_to_basket(client, article(books))
    page = client.get(reverse("orne_checkout:start"))
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "invite@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
        },
    )
    assert response.status_code == 302
    checkout = Checkout.objects.get()
    assert (checkout.email, checkout.user, checkout.shipping_address) == (
        "invite@example.org",
        None,
        {},
    )


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        ("", "Indiquez un numéro de téléphone pour la boutique."),
        ("12345", "Saisissez un numéro de téléphone français, par exemple 02 33 12 34 56."),
    ],
)
def test_the_phone_is_required_and_checked_in_french(client, make_shop, article, phone, message):
    books = make_shop("Librairie")
    add_to_basket(client, article(books))
    page = client.get(reverse("orne_checkout:start"))
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "invite@example.org",
            "phone": phone,
            "accept_terms": "on",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
        },
    )
    assert response.status_code == 200
    assert message in unescape(response.content.decode())
    assert not Checkout.objects.exists()


def test_the_phone_and_name_are_kept_on_the_checkout_for_a_pickup_too(
    client, stripe_settings, make_shop, article
):
    books = make_shop("Librairie")
    add_to_basket(client, article(books))
    page = client.get(reverse("orne_checkout:start"))
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    client.post(
        reverse("orne_checkout:start"),
        {
            "email": "invite@example.org",
            "phone": "+33 2 33 12 34 56",
            "accept_terms": "on",
            "first_name": "Marie",
            "last_name": "Lefèvre",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
        },
    )
    checkout = Checkout.objects.get()
    assert (checkout.phone, checkout.name) == ("+33 2 33 12 34 56", "Marie Lefèvre")
    assert checkout.shipping_address == {}  # no address kept for a pickup


def test_delivery_without_an_address_is_refused_in_french(client, make_shop, article, communes):
    home, _, _ = communes
    cheese = make_shop("Fromagerie", delivers_to=[home])
    add_to_basket(client, article(cheese))
    client.get(reverse("orne_checkout:start"), {"commune": home.insee_code})
    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "invite@example.org",
            "phone": "0233123456",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "delivery",
        },
    )
    assert response.status_code == 200
    assert "Nécessaire pour la livraison." in response.content.decode()
    assert not Checkout.objects.exists()


def test_a_guest_pays_and_every_party_gets_its_own_email(
    client, stripe_settings, make_shop, article, communes, django_capture_on_commit_callbacks
):
    home, _, _ = communes
    cheese = make_shop("Fromagerie Hébert", delivers_to=[home], email="fromagerie@example.org")
    books = make_shop("Librairie du Passage", email="librairie@example.org")
    add_to_basket(client, article(cheese, price="6.20", title="Camembert"), 2)
    add_to_basket(client, article(books, price="18.00", title="Le Horla"))
    page = client.get(reverse("orne_checkout:start"), {"commune": home.insee_code})
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    client.post(
        reverse("orne_checkout:start"),
        {
            "email": "invite@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "delivery",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
            **ADDRESS,
        },
    )
    client.get(reverse("orne_checkout:payment"))
    client.post(
        reverse("orne_checkout:pay"),
        json.dumps({"token": card_token(VISA)}),
        content_type="application/json",
    )
    with django_capture_on_commit_callbacks(execute=True):
        confirmation = client.get(reverse("orne_checkout:return"), follow=True)

    assert "Commande" in confirmation.content.decode()
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {
        ("invite@example.org",),
        ("fromagerie@example.org",),
        ("librairie@example.org",),
    }
    summary = by_recipient[("invite@example.org",)].body
    assert "Camembert" in summary and "Le Horla" in summary
    cheese_mail = by_recipient[("fromagerie@example.org",)].body
    assert "Camembert" in cheese_mail and "Le Horla" not in cheese_mail
    books_mail = by_recipient[("librairie@example.org",)].body
    assert "Le Horla" in books_mail and "Camembert" not in books_mail
    # Prices in the e-mails are written as on the pages.
    assert "Payé : 34,90\u202f€" in summary and "Total : 16,90\u202f€" in cheese_mail


def test_the_basket_page_is_translated_under_en(client):
    page = client.get("/en/boutique/basket/")
    assert "Your basket" in page.content.decode()


@pytest.mark.parametrize("path", ["/boutique/checkout/", "/boutique/checkout/preview/"])
def test_oscars_own_checkout_cannot_place_an_unpaid_order(client, make_shop, article, path):
    add_to_basket(client, article(make_shop("Librairie")))
    response = client.post(path, {"action": "place_order"})
    assert (response.status_code, response["Location"]) == (302, "/commande/")
    assert not Order.objects.exists()


@pytest.mark.parametrize(
    ("prefix", "unit", "subtotal"),
    [("", "6,20\u202f€", "12,40\u202f€"), ("/en", "€6.20", "€12.40")],
)
def test_basket_prices_are_written_the_way_the_pages_language_writes_them(
    client, make_shop, article, prefix, unit, subtotal
):
    add_to_basket(client, article(make_shop("Fromagerie"), price="6.20", title="Camembert"), 2)

    html = client.get(f"{prefix}/boutique/basket/").content.decode()

    assert unit in html and subtotal in html
    assert " €" not in html and "6.20 €" not in html


def test_the_basket_stepper_names_its_article_and_stops_at_the_stock(client, make_shop, article):
    add_to_basket(client, article(make_shop("Librairie"), stock=2, title="Le Horla"), 2)
    line = Basket.objects.get().lines.get()

    with override("fr"):  # the French basket, whatever language an earlier test left active
        url = reverse("basket:summary")
    html = unescape(client.get(url).content.decode())

    assert 'aria-label="Diminuer la quantité de Le Horla"' in html
    plus = html[html.index('aria-label="Augmenter la quantité de Le Horla"') :]
    assert plus[: plus.index(">")].endswith("disabled")
    assert "Plus que 2 en stock : c'est le maximum." in html
    # Without JavaScript, − posts the quantity it leads to.
    minus_form = html[: html.index('aria-label="Diminuer la quantité de Le Horla"')]
    assert minus_form[minus_form.rindex("<form") :].count('name="quantity" value="1"') == 1
    client.post(reverse("basket-line-update", args=[line.pk]), {"quantity": 1})
    line.refresh_from_db()
    assert line.quantity == 1


def test_the_payment_page_stays_out_of_search_engines(checkout_page):
    client, _ = checkout_page

    content = client.get(reverse("orne_checkout:payment")).content.decode()

    assert '<meta name="robots" content="noindex">' in content


def test_the_basket_lines_show_each_articles_photo_or_says_it_has_none(
    client, make_shop, article, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    cheese = make_shop("Fromagerie Hébert")
    camembert = article(cheese, title="Camembert")
    ProductImage.objects.create(
        product=camembert.product,
        original=SimpleUploadedFile("camembert.jpg", product_photo_jpeg(title="C", subtitle="")),
    )
    add_to_basket(client, camembert)
    add_to_basket(client, article(cheese, title="Livarot"))

    content = client.get(reverse("basket:summary")).content.decode()

    photos = re.findall(r'<(?:img|svg) [^>]*class="basket__photo[^"]*"[^>]*>', content)
    assert len(photos) == 2
    assert photos[0].startswith("<img") and 'width="128" height="128"' in photos[0]
    assert photos[1].startswith("<svg") and 'aria-label="Photo indisponible"' in photos[1]
    assert 'width="128" height="128"' in photos[1]
