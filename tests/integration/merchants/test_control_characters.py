"""Invisible control characters (NUL breaks PostgreSQL) are refused in French in the
merchants' free-text forms: the article form and the public sign-up."""

import html

import pytest
from oscar.core.loading import get_model

from merchants.models import Commune, MerchantApplication

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
FORBIDDEN = "caractère interdit"


def test_article_form_refuses_a_nul_byte_in_the_title(client, onboard):
    fromages = Category.add_root(name="Fromages", slug="fromages")
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())

    response = client.post(
        "/admin/articles/new/",
        {
            "title": "Livarot\x00AOP",
            "description": "Affiné 5 semaines.",
            "sku": "LIV-500",
            "category": fromages.pk,
            "price_incl_tax": "11,90",
            "vat_rate": "5.5",
            "stock": "12",
        },
    )

    assert response.status_code == 200
    assert FORBIDDEN in html.unescape(response.content.decode())
    assert not Product.objects.exists()


def test_signup_refuses_a_control_character_in_the_description(client):
    response = client.post(
        "/espace-commercant/inscription/",
        {
            "shop_name": "Fromagerie du Perche",
            "legal_name": "SARL Lebrun",
            "siret": "732 829 320 00074",
            "category": "fromagerie",
            "commune": Commune.objects.get(insee_code="61293").pk,
            "address": "3 place du Général de Gaulle",
            "phone": "02 33 25 00 00",
            "email": "contact@fromagerie-perche.example",
            "description": "Fromages\x1b fermiers",
            "sales_mode": "both",
            "accept_terms": "on",
        },
    )

    assert response.status_code == 400
    assert FORBIDDEN in html.unescape(response.content.decode())
    assert not MerchantApplication.objects.exists()
