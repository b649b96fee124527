"""The delivery address must lie in the commune the delivery was priced for."""

import pytest
from django.urls import reverse

from checkout.forms import CommuneForm
from commerce.order.models import Checkout
from tests.payments import ADDRESS

pytestmark = pytest.mark.django_db


def post_choices(client, shopper, two_shop_basket, **address):
    _basket, cheese, books, *_ = two_shop_basket
    client.force_login(shopper)
    page = client.get(reverse("orne_checkout:start"), {"commune": "61001"})
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    return client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "delivery",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
            **{**ADDRESS, **address},
        },
    )


def test_a_paris_postcode_is_refused_for_a_delivery_priced_for_alencon(
    client, shopper, two_shop_basket
):
    response = post_choices(client, shopper, two_shop_basket, postcode="75001", city="Paris")

    assert response.status_code == 200
    errors = response.context["form"].errors["postcode"]
    assert errors == [
        "Le code postal 75001 n'est pas celui de Alençon (61000). Indiquez une adresse "
        "dans cette commune, ou changez de commune plus haut."
    ]
    # Told once at the top too, with a link to the field.
    assert 'class="error-summary"' in response.content.decode()
    assert 'href="#id_postcode"' in response.content.decode()
    assert not Checkout.objects.exists()


def test_the_communes_postcode_is_accepted_even_with_a_space(client, shopper, two_shop_basket):
    response = post_choices(client, shopper, two_shop_basket, postcode="61 000")

    assert response.status_code == 302
    assert Checkout.objects.count() == 1


def test_communes_are_listed_alphabetically_with_their_postcodes():
    labels = [str(label) for _code, label in CommuneForm().fields["commune"].choices][1:]

    assert labels[0] == "Alençon (61000)"
    # Among the E, before F: not after Z as a code-point sort puts É.
    assert labels.index("Écouves (61250)") < labels.index("Essay (61500)")
    assert labels.index("Essay (61500)") < labels.index("Faverolles (61600)")
