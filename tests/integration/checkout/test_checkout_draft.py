"""Coming back to the choices page shows what was typed; the terms of sale are accepted anew."""

from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from commerce.order.models import Checkout

pytestmark = pytest.mark.django_db


def test_modifier_mes_choix_shows_every_entry_as_it_was_typed(checkout_page, two_shop_basket):
    client, _checkout = checkout_page
    _basket, cheese, books, *_ = two_shop_basket
    payment = client.get(reverse("orne_checkout:payment")).content.decode()
    assert reverse("orne_checkout:start") in payment  # the "Modifier mes choix" link

    page = client.get(reverse("orne_checkout:start"))

    form = page.context["form"]
    assert form["email"].value() == "marie@example.org"
    assert form["phone"].value() == "02 33 12 34 56"
    assert (form["first_name"].value(), form["last_name"].value()) == ("Marie", "Lefèvre")
    assert (form["line1"].value(), form["postcode"].value(), form["city"].value()) == (
        "3 rue aux Sieurs",
        "61000",
        "Alençon",
    )
    assert form[f"mode_{cheese.pk}"].value() == "delivery"
    assert form[f"mode_{books.pk}"].value() == "click_collect"
    slot = form.fields[f"slot_{books.pk}"].choices[1][0]
    assert form[f"slot_{books.pk}"].value() == slot
    html = unescape(page.content.decode())
    assert 'value="3 rue aux Sieurs"' in html and 'value="marie@example.org"' in html
    assert f'value="{slot}" selected' in html
    # Accepting the terms is a fresh act: never a pre-ticked box.
    assert not form["accept_terms"].value()
    assert page["Cache-Control"].startswith("max-age=0")


def test_a_page_with_errors_keeps_what_was_typed_when_the_shopper_comes_back(
    client, shopper, two_shop_basket
):
    _basket, cheese, *_ = two_shop_basket
    client.force_login(shopper)
    client.get(reverse("orne_checkout:start"), {"commune": "61001"})
    client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "line1": "3 rue aux Sieurs",
            f"mode_{cheese.pk}": "delivery",
        },
    )

    form = client.get(reverse("orne_checkout:start")).context["form"]

    assert form["email"].value() == "marie@example.org"
    assert form["line1"].value() == "3 rue aux Sieurs"
    assert form[f"mode_{cheese.pk}"].value() == "delivery"


def test_without_accepting_the_terms_of_sale_the_summary_says_so_and_nothing_is_lost(
    client, shopper, two_shop_basket
):
    _basket, cheese, books, *_ = two_shop_basket
    client.force_login(shopper)
    page = client.get(reverse("orne_checkout:start"), {"commune": "61001"})
    html = unescape(page.content.decode())
    assert 'href="/cgu-cgv/"' in html  # the box links the terms it asks to accept
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]

    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "phone": "02 33 12 34 56",
            f"mode_{cheese.pk}": "delivery",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
            "first_name": "Marie",
            "last_name": "Lefèvre",
            "line1": "3 rue aux Sieurs",
            "postcode": "61000",
            "city": "Alençon",
        },
    )

    assert response.status_code == 200
    assert not Checkout.objects.exists()
    html = unescape(response.content.decode())
    summary = html[
        html.index('class="error-summary"') : html.index("</ul>", html.index("error-summary"))
    ]
    assert 'href="#id_accept_terms"' in summary
    assert "Acceptez les conditions générales de vente pour continuer." in summary
    assert 'value="3 rue aux Sieurs"' in html


def test_the_recap_gives_each_shops_subtotal_its_delivery_and_the_grand_total(checkout_page):
    client, checkout = checkout_page

    html = unescape(client.get(reverse("orne_checkout:payment")).content.decode())

    # Cheese 2 × 6,20 delivered for 4,50; the book (18,00) collected.
    recap = html[html.index("<main") :]
    assert "Sous-total des articles" in recap and "12,40\u202f€" in recap
    assert "Livraison à domicile" in recap and "4,50\u202f€" in recap
    assert "16,90\u202f€" in recap and "18,00\u202f€" in recap
    grand = recap[recap.index('class="recap__grand"') :]
    assert "30,40\u202f€" in grand  # the articles of both shops
    assert "<strong data-total>34,90\u202f€</strong>" in grand
    assert checkout.amount == Decimal("34.90")
