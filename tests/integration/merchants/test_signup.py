"""The public sign-up form: clear French errors, nothing lost, spam kept out."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from merchants.models import Commune, MerchantApplication
from merchants.services.signups import merchant_application_submit
from merchants.validators import validate_siret
from tests.factories import MerchantFactory
from tests.factories import siret_number as make_siret

pytestmark = pytest.mark.django_db

URL = "/espace-commercant/inscription/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The hourly sign-up counts live in the cache, which outlives a test's transaction."""
    cache.clear()
    yield
    cache.clear()


def siret_number(n: int) -> str:
    return make_siret(n, first="4")


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
    for n in range(2):
        shop = valid_data(email=f"shop{n}@example.org", siret=siret_number(n))
        assert client.post(URL, shop).status_code == 302

    response = client.post(URL, valid_data(email="shop3@example.org", siret=siret_number(3)))

    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert MerchantApplication.objects.count() == 2


def test_signup_requires_the_csrf_token():
    response = Client(enforce_csrf_checks=True).post(URL, valid_data())
    assert response.status_code == 403
    assert not MerchantApplication.objects.exists()


def test_a_second_request_for_the_same_email_is_refused(client):
    assert client.post(URL, valid_data()).status_code == 302

    response = client.post(
        URL, valid_data(email="Contact@Fromagerie-Perche.example", siret=siret_number(1))
    )

    assert response.status_code == 400
    assert "Une demande existe déjà pour cette adresse e-mail." in response.content.decode()
    assert MerchantApplication.objects.count() == 1


def test_an_email_that_already_has_an_account_gets_the_same_answer(client):
    get_user_model().objects.create_user("marie", "contact@fromagerie-perche.example", "x")

    response = client.post(URL, valid_data())

    assert response.status_code == 400
    assert "Une demande existe déjà pour cette adresse e-mail." in response.content.decode()
    assert not MerchantApplication.objects.exists()


def test_a_second_request_for_the_same_siret_is_refused(client):
    assert client.post(URL, valid_data()).status_code == 302

    response = client.post(URL, valid_data(email="autre@example.org"))

    assert response.status_code == 400
    content = response.content.decode()
    assert "Une demande ou une boutique existe déjà pour ce numéro SIRET." in content
    assert MerchantApplication.objects.count() == 1


def test_a_siret_that_is_already_a_shops_is_refused(client):
    MerchantFactory(siret="73282932000074")

    response = client.post(URL, valid_data())

    assert response.status_code == 400
    content = response.content.decode()
    assert "Une demande ou une boutique existe déjà pour ce numéro SIRET." in content
    assert not MerchantApplication.objects.exists()


def test_a_rejected_applicant_may_apply_again(client):
    assert client.post(URL, valid_data()).status_code == 302
    MerchantApplication.objects.update(status=MerchantApplication.Status.REJECTED)

    assert client.post(URL, valid_data()).status_code == 302
    assert MerchantApplication.objects.count() == 2


def test_the_submit_service_refuses_duplicates_too():
    data = {
        key: value
        for key, value in valid_data(siret="73282932000074").items()
        if key not in ("accept_terms", "site_web")
    }
    data["commune"] = Commune.objects.get(pk=data["commune"])
    merchant_application_submit(data=dict(data), ip_address=None)

    with pytest.raises(ValidationError) as refused:
        merchant_application_submit(data=dict(data), ip_address=None)

    assert set(refused.value.message_dict) == {"email", "siret"}
    assert MerchantApplication.objects.count() == 1


@pytest.mark.parametrize("field", ["shop_name", "legal_name", "address"])
@pytest.mark.parametrize(
    "text",
    ["Fromagerie\r\nBcc: tous@example.org", "Fromagerie\u2028du Perche", "Fromagerie\x1b[31m"],
)
def test_a_line_break_or_control_character_in_a_name_is_refused(client, field, text):
    response = client.post(URL, valid_data(**{field: text}))

    assert response.status_code == 400
    assert "sur une seule ligne" in response.content.decode()
    assert not MerchantApplication.objects.exists()


def test_line_breaks_stay_allowed_in_the_description(client):
    response = client.post(URL, valid_data(description="Fromages fermiers.\r\nDepuis 1950."))
    assert response.status_code == 302
