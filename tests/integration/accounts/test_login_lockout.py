"""Repeated wrong passwords lock the account and the address out, on every login page."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-61"


@pytest.fixture
def merchant(settings):
    settings.AXES_FAILURE_LIMIT = 5
    return get_user_model().objects.create_user("marie@example.org", "marie@example.org", PASSWORD)


def admin_login(client, password, username="marie@example.org"):
    return client.post("/admin/login/", {"username": username, "password": password})


def shopper_login(client, password, username="marie@example.org"):
    return client.post(
        "/boutique/accounts/login/",
        {"login-username": username, "login-password": password, "login_submit": "login"},
    )


def django_admin_login(client, password, username="marie@example.org"):
    return client.post("/django-admin/login/", {"username": username, "password": password})


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("login", [admin_login, shopper_login, django_admin_login])
def test_the_right_password_is_refused_after_five_wrong_ones(client, merchant, login):
    for _ in range(4):
        assert login(client, "mauvais").status_code == 200  # the form again, with its error
    assert login(client, "mauvais").status_code == 429  # the fifth locks

    response = login(client, PASSWORD)

    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()
    assert not is_logged_in(client)


def test_the_account_stays_locked_from_another_address(merchant):
    attacker = Client(REMOTE_ADDR="198.51.100.1")
    for _ in range(5):
        admin_login(attacker, "mauvais", username="MARIE@example.org ")

    owner = Client(REMOTE_ADDR="203.0.113.9")
    response = admin_login(owner, PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(owner)


def test_an_address_trying_many_accounts_is_locked_out(merchant):
    client = Client(REMOTE_ADDR="198.51.100.2")
    for n in range(5):
        shopper_login(client, "mauvais", username=f"compte{n}@example.org")

    response = admin_login(client, PASSWORD)

    assert response.status_code == 429
    assert not is_logged_in(client)


def test_a_success_before_the_limit_starts_the_count_again(client, merchant):
    for _ in range(4):
        admin_login(client, "mauvais")
    assert admin_login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        admin_login(client, "mauvais")

    assert admin_login(client, PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_staff_unlock_with_axes_reset(client, merchant):
    from django.core.management import call_command

    for _ in range(5):
        admin_login(client, "mauvais")
    call_command("axes_reset_username", "marie@example.org")
    call_command("axes_reset_ip", "127.0.0.1")

    assert admin_login(client, PASSWORD).status_code == 302
