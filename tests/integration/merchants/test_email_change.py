"""An admin account's e-mail (a merchant's login) changes only once the new address confirms."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

ACCOUNT_URL = "/admin/account/"


@pytest.fixture
def merchant_user(onboard):
    return onboard("Fromagerie Hébert", email="hebert@example.org").users.get()


def account_post(client, **changes):
    """Post the account page as a browser would: every panel's current values, plus changes."""
    page = client.get(ACCOUNT_URL)
    data = {}
    for panels in page.context["panels_by_tab"].values():
        for panel in panels:
            for field in panel.get_form():
                value = field.value()
                if value in (None, False, ""):
                    continue
                data[field.html_name] = "on" if value is True else value
    data.update({"name_email-first_name": "Marie", "name_email-last_name": "Hébert", **changes})
    return client.post(ACCOUNT_URL, data)


def confirmation_link(message) -> str:
    return re.search(r"https?://\S+/admin/compte/adresse-email/\S+/", message.body).group(0)


def test_a_new_email_is_not_applied_until_its_link_is_confirmed(
    client, merchant_user, django_capture_on_commit_callbacks
):
    client.force_login(merchant_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = account_post(client, **{"email_change-new_email": "marie@nouvelle.example"})

    assert response.status_code == 302
    merchant_user.refresh_from_db()
    assert merchant_user.email == "hebert@example.org"
    assert [m.to for m in mail.outbox] == [["marie@nouvelle.example"]]
    link = confirmation_link(mail.outbox[0]).split("127.0.0.1:8000", 1)[-1]

    assert "Confirmer le changement" in client.get(link).content.decode()
    merchant_user.refresh_from_db()
    assert merchant_user.email == "hebert@example.org"  # opening the link changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link)

    assert confirmed.status_code == 302
    merchant_user.refresh_from_db()
    assert merchant_user.email == "marie@nouvelle.example"
    assert merchant_user.username == "marie@nouvelle.example"  # the login follows the e-mail
    assert mail.outbox[-1].to == ["hebert@example.org"]  # the old address is told
    assert "marie@nouvelle.example" in mail.outbox[-1].body
    assert client.post(link).status_code == 400  # a link serves once


def test_wagtails_own_email_field_no_longer_changes_the_address(client, merchant_user):
    client.force_login(merchant_user)

    response = account_post(client, **{"name_email-email": "pirate@example.org"})

    assert response.status_code == 302
    merchant_user.refresh_from_db()
    assert merchant_user.email == "hebert@example.org"


def test_a_confirmation_link_is_refused_for_another_user(
    client, onboard, merchant_user, django_capture_on_commit_callbacks
):
    other = onboard("Cave Lebrun", email="lebrun@example.org").users.get()
    client.force_login(merchant_user)
    with django_capture_on_commit_callbacks(execute=True):
        account_post(client, **{"email_change-new_email": "marie@nouvelle.example"})
    link = confirmation_link(mail.outbox[0]).split("127.0.0.1:8000", 1)[-1]

    client.force_login(other)
    response = client.post(link)

    assert response.status_code == 400
    assert "envoyé pour un autre compte" in response.content.decode()
    assert set(get_user_model().objects.values_list("email", flat=True)) >= {
        "hebert@example.org",
        "lebrun@example.org",
    }
    assert not get_user_model().objects.filter(email="marie@nouvelle.example").exists()


def test_an_expired_confirmation_link_is_refused(
    client, merchant_user, settings, django_capture_on_commit_callbacks
):
    client.force_login(merchant_user)
    with django_capture_on_commit_callbacks(execute=True):
        account_post(client, **{"email_change-new_email": "marie@nouvelle.example"})
    link = confirmation_link(mail.outbox[0]).split("127.0.0.1:8000", 1)[-1]
    settings.EMAIL_CHANGE_LINK_MAX_AGE = timedelta(seconds=-1)  # every link is now too old

    response = client.post(link)

    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    merchant_user.refresh_from_db()
    assert merchant_user.email == "hebert@example.org"


def test_an_address_another_account_uses_gets_no_link_and_the_page_says_nothing_more(
    client, onboard, merchant_user, django_capture_on_commit_callbacks
):
    onboard("Cave Lebrun", email="lebrun@example.org")
    client.force_login(merchant_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = account_post(client, **{"email_change-new_email": "LEBRUN@example.org"})

    assert response.status_code == 302
    assert mail.outbox == []
    merchant_user.refresh_from_db()
    assert merchant_user.email == "hebert@example.org"
