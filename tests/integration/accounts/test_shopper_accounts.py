"""Shoppers need no account: login works and lands on a real page, registration is closed."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN_URL = "/boutique/accounts/login/"
PASSWORD = "un-mot-de-passe-solide-61"


def test_the_shopper_login_lands_on_a_page_that_exists(client):
    get_user_model().objects.create_user("lea@example.org", "lea@example.org", PASSWORD)

    response = client.post(
        LOGIN_URL,
        {"login-username": "lea@example.org", "login-password": PASSWORD, "login_submit": "1"},
        follow=True,
    )

    assert response.redirect_chain[0][1] == 302
    assert response.status_code == 200
    assert "_auth_user_id" in client.session


def test_the_login_page_offers_no_registration(client):
    content = client.get(LOGIN_URL).content.decode()

    assert "registration_submit" not in content
    assert "Se connecter" in content


def test_registering_an_existing_email_creates_nothing_and_reveals_nothing(client):
    get_user_model().objects.create_user("lea@example.org", "lea@example.org", PASSWORD)
    data = {
        "registration-email": "lea@example.org",
        "registration-password1": PASSWORD,
        "registration-password2": PASSWORD,
        "registration_submit": "1",
    }

    known = client.post(LOGIN_URL, data, follow=True)
    unknown = client.post(
        LOGIN_URL, {**data, "registration-email": "nouveau@example.org"}, follow=True
    )

    assert get_user_model().objects.count() == 1

    def page(response) -> str:  # the CSRF token and the CSP nonce are new on every page
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return re.sub(r'nonce="[^"]+"', "", html)

    assert page(known) == page(unknown)
    assert "existe" not in page(known) and "exists" not in page(known)


def test_oscars_register_page_leads_to_the_login(client):
    response = client.post(
        "/boutique/accounts/register/",
        {"email": "x@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302 and response["Location"].endswith(LOGIN_URL)
    assert not get_user_model().objects.exists()


def test_the_profile_form_can_no_longer_change_the_login_email(client):
    user = get_user_model().objects.create_user("lea@example.org", "lea@example.org", PASSWORD)
    client.force_login(user)

    client.post("/boutique/accounts/profile/edit/", {"email": "pirate@example.org"})

    user.refresh_from_db()
    assert user.email == "lea@example.org"
