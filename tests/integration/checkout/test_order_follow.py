"""The shopper follows a paid basket's orders from a signed link, without an account."""

import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from checkout.follow import SALT, checkout_follow_path
from commerce.order.models import Checkout
from commerce.order.statuses import OrderStatus
from merchants.services.orders import merchant_order_set_status
from tests.payments import VISA, pay

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(checkout_page, django_capture_on_commit_callbacks):
    client, checkout = checkout_page
    with django_capture_on_commit_callbacks(execute=True):
        assert pay(client, VISA)["status"] == "succeeded"
        client.get(reverse("orne_checkout:return"))
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PLACED
    return checkout


def test_the_shoppers_email_and_confirmation_give_the_same_working_link(paid, client):
    summary = next(m for m in mail.outbox if m.to == ["marie@example.org"])
    link = re.search(r"https?://\S+/commande/suivi/\S+/", summary.body).group(0)
    confirmation = client.get(reverse("orne_checkout:confirmation", args=[paid.number]))

    # The links are signed with a timestamp: the e-mail's and the page's may be a second
    # apart, so they are compared by what they sign and by where they lead.
    signed = checkout_follow_path(checkout=paid).split(":")[0]
    shown = re.search(r'href="(/commande/suivi/[^"]+/)"', confirmation.content.decode())
    assert shown is not None and shown.group(1).split(":")[0] == signed
    assert link.split("://", 1)[1].split("/", 1)[1].startswith(signed.lstrip("/"))
    for path in (shown.group(1), "/" + link.split("://", 1)[1].split("/", 1)[1]):
        page = Client().get(path)
        assert page.status_code == 200 and paid.orders.first().number in page.content.decode()
    assert "34,90" in confirmation.content.decode() or "34.90" in confirmation.content.decode()


def test_the_follow_page_shows_each_shops_order_status_slot_address_and_contact(paid):
    page = Client().get(checkout_follow_path(checkout=paid))  # another browser, no session

    assert page.status_code == 200
    text = page.content.decode()
    for order in paid.orders.all():
        assert order.number in text
    assert "Fromagerie Hébert" in text and "Librairie du Passage" in text
    assert "3 rue aux Sieurs" in text and "61000 Alençon" in text
    collected = paid.orders.get(fulfilment_mode="click_collect")
    assert f"–{collected.pickup_ends_at.astimezone().strftime('%Hh%M')}" in text
    assert "Reçue" in text


def test_the_page_follows_a_status_change_made_by_the_shop(paid, django_user_model):
    order = paid.orders.get(fulfilment_mode="click_collect")
    seller = django_user_model.objects.create_user("libraire", "libraire@example.org", "x")
    merchant_order_set_status(order_id=order.pk, status=OrderStatus.PREPARING, by=seller)

    text = Client().get(checkout_follow_path(checkout=paid)).content.decode()

    assert "En préparation" in text


def test_a_forged_or_altered_link_is_not_found(paid):
    forged = signing.dumps(paid.number, salt="another-use")
    altered = checkout_follow_path(checkout=paid).replace("/suivi/", "/suivi/x")

    assert Client().get(reverse("orne_checkout:follow", args=[forged])).status_code == 404
    assert Client().get(reverse("orne_checkout:follow", args=[paid.number])).status_code == 404
    assert Client().get(altered).status_code == 404


def test_a_link_shows_nothing_of_another_checkout(paid):
    other = Checkout.objects.create(
        number="OR-AUTRE-1", email="paul@example.org", amount="12.00", plan={}
    )
    text = Client().get(checkout_follow_path(checkout=paid)).content.decode()
    other_text = (
        Client()
        .get(reverse("orne_checkout:follow", args=[signing.dumps(other.number, salt=SALT)]))
        .content.decode()
    )

    assert "paul@example.org" not in text and "OR-AUTRE-1" not in text
    assert paid.number not in other_text and "Fromagerie" not in other_text
