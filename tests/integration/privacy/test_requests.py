"""Personal data without an account: a link by e-mail, then the JSON export or the erasure."""

import json
import re
import time

import pytest
from django.core import mail, signing
from oscar.core.loading import get_model

from commerce.order.models import Checkout, Order
from orne_site.privacy.tokens import SALT, privacy_token_make

pytestmark = pytest.mark.django_db
ShippingAddress = get_model("order", "ShippingAddress")
REQUEST_URL = "/donnees-personnelles/demande/"


def ask(client, email, ip="198.51.100.7"):
    return client.post(REQUEST_URL, {"email": email}, REMOTE_ADDR=ip, follow=True)


def page_text(response) -> str:
    # The CSRF token is masked afresh on every page: the only part allowed to differ.
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())


def emailed_link(message) -> str:
    return re.search(r"https?://\S+/donnees-personnelles/acces/\S+/", message.body).group(0)


def test_request_page_is_in_french_in_the_site_design(client):
    response = client.get(REQUEST_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Vos données personnelles</h1>" in content
    assert "<footer" in content and 'name="email"' in content


def test_known_and_unknown_addresses_get_the_same_answer(client, purchase):
    purchase("marie@example.org")

    known = ask(client, "marie@example.org")
    unknown = ask(client, "personne@example.org")

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert page_text(known) == page_text(unknown)


def test_a_shopper_gets_a_link_by_email_and_an_unknown_address_nothing(client, purchase):
    purchase("marie@example.org")

    ask(client, "Marie@Example.org")
    ask(client, "personne@example.org")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["marie@example.org"]
    page = client.get(emailed_link(mail.outbox[0]))
    assert page.status_code == 200
    assert "marie@example.org" in page.content.decode()
    assert "Commandes : 1" in page.content.decode()


def test_expired_link_is_refused(client, purchase):
    purchase("marie@example.org")

    class SignerOfYesterday(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 25 * 3600)

    token = SignerOfYesterday(salt=SALT).sign_object({"email": "marie@example.org"})

    for suffix in ("", "export/"):
        response = client.get(f"/donnees-personnelles/acces/{token}/{suffix}")
        assert response.status_code == 400
        assert "expiré" in response.content.decode()
    response = client.post(f"/donnees-personnelles/acces/{token}/effacer/", {"confirm": "on"})
    assert response.status_code == 400
    assert Checkout.objects.get().email == "marie@example.org"


def test_forged_link_is_refused(client, purchase):
    purchase("marie@example.org")
    genuine = privacy_token_make(email="paul@example.org")
    forged = signing.TimestampSigner(salt="autre-chose").sign_object({"email": "marie@example.org"})
    tampered = genuine.replace(genuine.split(":")[0], forged.split(":")[0])

    for token in (forged, tampered):
        response = client.get(f"/donnees-personnelles/acces/{token}/export/")
        assert response.status_code == 400
        assert "marie@example.org" not in response.content.decode()


def test_export_holds_the_shoppers_checkout_and_order_and_nothing_of_another(client, purchase):
    mine = purchase("marie@example.org")
    other = purchase("paul@example.org", first_name="Paul", last_name="Durand")

    token = privacy_token_make(email="marie@example.org")
    response = client.get(f"/donnees-personnelles/acces/{token}/export/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert [c["number"] for c in data["checkouts"]] == [mine.number]
    order = data["orders"][0]
    assert [o["number"] for o in data["orders"]] == [mine.orders.get().number]
    assert order["shipping_address"]["last_name"] == "Lefèvre"
    assert order["lines"][0]["quantity"] == 2
    assert order["total_incl_tax"] == "16.90"
    text = response.content.decode()
    assert other.number not in text and "paul@example.org" not in text and "Durand" not in text


def test_erasure_anonymises_the_shopper_and_keeps_the_accounting_records(client, purchase):
    mine = purchase("marie@example.org")
    other = purchase("paul@example.org", first_name="Paul", last_name="Durand")
    order_number = mine.orders.get().number

    token = privacy_token_make(email="marie@example.org")
    response = client.post(f"/donnees-personnelles/acces/{token}/effacer/", {"confirm": "on"})

    assert response.status_code == 200
    assert "sont effacées" in response.content.decode()
    checkout = Checkout.objects.get(number=mine.number)
    assert checkout.email == "" and checkout.shipping_address == {}
    assert str(checkout.amount) == "16.90"
    order = Order.objects.get(number=order_number)
    assert order.guest_email == ""
    assert str(order.total_incl_tax) == "16.90" and str(order.total_excl_tax) != ""
    assert order.lines.get().quantity == 2
    address = order.shipping_address
    assert (address.first_name, address.last_name, address.line1, address.postcode) == ("",) * 4
    assert not address.phone_number
    # The other shopper is untouched.
    assert Checkout.objects.get(number=other.number).email == "paul@example.org"
    assert ShippingAddress.objects.filter(last_name="Durand").count() == 1


def test_erasure_needs_the_confirmation_box(client, purchase):
    purchase("marie@example.org")

    token = privacy_token_make(email="marie@example.org")
    response = client.post(f"/donnees-personnelles/acces/{token}/effacer/", {})

    assert response.status_code == 400
    assert Checkout.objects.get().email == "marie@example.org"


def test_erasure_deletes_a_shoppers_account_but_keeps_a_merchants(
    client, purchase, django_user_model, delivering_shop
):
    shopper = django_user_model.objects.create_user("marie", "marie@example.org", "x")
    seller = django_user_model.objects.create_user("paul", "paul@example.org", "x")
    delivering_shop.users.add(seller)
    purchase("marie@example.org", user=shopper)

    for email in ("marie@example.org", "paul@example.org"):
        token = privacy_token_make(email=email)
        client.post(f"/donnees-personnelles/acces/{token}/effacer/", {"confirm": "on"})

    assert not django_user_model.objects.filter(username="marie").exists()
    assert django_user_model.objects.filter(username="paul").exists()
    assert Order.objects.get().user is None


def test_request_form_is_rate_limited_per_client_address(client, settings):
    settings.PRIVACY_REQUESTS_PER_HOUR = 2

    answers = [
        client.post(REQUEST_URL, {"email": f"x{i}@example.org"}, REMOTE_ADDR="203.0.113.9")
        for i in range(3)
    ]

    assert [a.status_code for a in answers] == [302, 302, 429]
    assert "Trop de demandes" in answers[2].content.decode()


def test_an_address_gets_few_links_a_day_whoever_asks(client, purchase, settings):
    settings.PRIVACY_REQUESTS_PER_DAY_PER_EMAIL = 2
    purchase("marie@example.org")

    answers = [ask(client, "marie@example.org", ip=f"198.51.100.{i}") for i in range(4)]

    assert len(mail.outbox) == 2
    assert len({page_text(a) for a in answers}) == 1
