"""The public sign-up form: clear French errors, nothing lost, spam kept out."""

import pytest
from django.test import Client
from django.urls import reverse

from merchants.models import Commune, MerchantApplication
from merchants.validators import validate_siret

pytestmark = pytest.mark.django_db

URL = "/espace-commercant/inscription/"


def valid_data(**overrides) -> dict:
    data = {
        "shop_name": "Fromagerie du Perche",
        "legal_name": "SARL Lebrun",
        "siret": "732 829 320 00074",
        "category": "fromagerie",
        "commune": Commune.objects.get(insee_code="61293").pk,
        "address": "3 place du Général de Gaulle",
        "phone": "02 33 25 00 00",
        "email": "contact@fromagerie-perche.example",
        "description": "Fromages fermiers du Perche.",
        "sales_mode": "both",
        "accept_terms": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_a_valid_signup_is_recorded_as_pending(client):
    response = client.post(URL, valid_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("merchants:signup_done")
    application = MerchantApplication.objects.get()
    assert application.status == MerchantApplication.Status.PENDING
    assert application.siret == "73282932000074"  # spaces removed
    assert application.commune.name == "Mortagne-au-Perche"


@pytest.mark.parametrize(
    ("siret", "message"),
    [
        ("73282932000075", "n'est pas valide"),
        ("7328293200007", "exactement 14 chiffres"),
        ("ABCDEFGHIJKLMN", "exactement 14 chiffres"),
    ],
)
def test_siret_errors_are_explained_in_french_and_keep_the_form(client, siret, message):
    response = client.post(URL, valid_data(siret=siret))

    assert response.status_code == 400
    content = response.content.decode()
    assert message in content.replace("&#x27;", "'")
    assert 'value="Fromagerie du Perche"' in content  # the rest of the form is kept
    assert not MerchantApplication.objects.exists()


def test_la_poste_sirets_follow_their_own_checksum():
    validate_siret("35600000000010")  # sum of digits is a multiple of 5


def test_commune_must_be_one_of_the_orne(client):
    response = client.post(URL, valid_data(commune=999999))
    assert response.status_code == 400
    assert "Choisissez une commune de l" in response.content.decode()
    assert not MerchantApplication.objects.exists()


def test_required_fields_are_listed_in_the_error_summary(client):
    response = client.post(URL, valid_data(shop_name="", email="", phone=""))

    content = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in content
    assert content.count("Ce champ est obligatoire.") >= 3
    assert 'href="#id_shop_name"' in content


def test_honeypot_filled_by_a_robot_creates_nothing_but_looks_accepted(client):
    response = client.post(URL, valid_data(site_web="http://spam.example"))
    assert response.status_code == 302
    assert not MerchantApplication.objects.exists()


def test_signups_are_rate_limited_per_address(client, settings):
    settings.MERCHANT_SIGNUPS_PER_HOUR = 2
    for _ in range(2):
        assert client.post(URL, valid_data()).status_code == 302

    response = client.post(URL, valid_data())

    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert MerchantApplication.objects.count() == 2


def test_signup_requires_the_csrf_token():
    response = Client(enforce_csrf_checks=True).post(URL, valid_data())
    assert response.status_code == 403
    assert not MerchantApplication.objects.exists()
