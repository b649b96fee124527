"""One Stripe payment for a two-shop basket, over real HTTP to localstripe.

The shopper's side goes through the site's views (Django test client); the card side is
what Stripe.js would send (a token from localstripe). Webhooks are signed with the
configured secret exactly as Stripe signs them, and verified by the stripe library.
"""

import json
import socket
from decimal import Decimal

import pytest
import stripe
from django.urls import reverse
from oscar.core.loading import get_model

from commerce.order.models import Checkout
from commerce.payment.gateway import stripe_client
from commerce.payment.models import StripeEvent
from tests.payments import (
    ADDRESS,
    DECLINED,
    THREE_D_SECURE,
    VISA,
    pay,
    post_webhook,
    signed,
    succeeded_event,
)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


def test_two_shops_one_payment_two_orders_with_their_totals_and_fulfilment(checkout_page):
    client, checkout = checkout_page

    assert pay(client, VISA)["status"] == "succeeded"
    response = client.get(reverse("orne_checkout:return"))

    assert response.status_code == 302
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    assert (intent.amount, intent.currency, intent.status) == (3490, "eur", "succeeded")
    delivered, collected = Order.objects.order_by("number")
    assert (delivered.lines.get().title, delivered.fulfilment_mode) == ("Camembert", "delivery")
    assert delivered.total_incl_tax == Decimal("16.90")
    assert delivered.shipping_address.line1 == "3 rue aux Sieurs"
    assert (collected.lines.get().title, collected.fulfilment_mode) == ("Le Horla", "click_collect")
    assert collected.total_incl_tax == Decimal("18.00")
    assert collected.pickup_starts_at is not None
    page = client.get(response.url)
    assert page.status_code == 200
    assert [o.number for o in page.context["orders"]] == [delivered.number, collected.number]


def test_webhook_five_times_and_browser_return_place_the_orders_once(checkout_page):
    client, checkout = checkout_page
    pay(client, VISA)
    checkout.refresh_from_db()
    payload = succeeded_event(checkout.payment_intent_id)

    answers = [post_webhook(client, payload, signed(payload)).status_code for _ in range(5)]
    client.get(reverse("orne_checkout:return"))

    assert answers == [200] * 5
    assert StripeEvent.objects.filter(event_id="evt_orne_1").count() == 1
    assert Order.objects.filter(checkout=checkout).count() == 2
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PLACED


def test_a_webhook_with_a_bad_signature_is_refused_and_changes_nothing(checkout_page):
    client, checkout = checkout_page
    pay(client, VISA)
    checkout.refresh_from_db()
    payload = succeeded_event(checkout.payment_intent_id)

    response = post_webhook(client, payload, signed(payload, secret="whsec_not_ours"))

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert not Order.objects.exists()
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PENDING


def test_a_price_or_amount_forged_in_the_post_changes_nothing(client, shopper, two_shop_basket):
    basket, cheese, books, *_ = two_shop_basket
    client.force_login(shopper)
    page = client.get(reverse("orne_checkout:start"), {"commune": "61001"})
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "delivery",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
            "amount": "0.50",
            "total": "0.50",
            f"price_{basket.lines.first().pk}": "0.01",
            f"shipping_{cheese.pk}": "0",
            **ADDRESS,
        },
    )
    client.get(reverse("orne_checkout:payment"))
    assert pay(client, VISA, amount=50, price="0.01")["status"] == "succeeded"
    client.get(reverse("orne_checkout:return"))

    checkout = Checkout.objects.get()
    intent = stripe_client().v1.payment_intents.retrieve(checkout.payment_intent_id)
    assert (checkout.amount, intent.amount) == (Decimal("34.90"), 3490)
    assert sum(o.total_incl_tax for o in checkout.orders.all()) == Decimal("34.90")


def test_a_declined_card_is_told_in_french_and_keeps_the_basket(checkout_page, two_shop_basket):
    client, checkout = checkout_page
    basket = two_shop_basket[0]

    answer = pay(client, DECLINED)

    assert answer["status"] == "failed"
    assert "Votre panier est conservé" in answer["message"]
    basket.refresh_from_db()
    assert (basket.status, basket.num_lines) == ("Open", 2)
    assert not Order.objects.exists()
    assert client.get(reverse("orne_checkout:return")).status_code == 302
    assert not Order.objects.exists()


def test_a_three_d_secure_card_completes_after_authentication(checkout_page, localstripe_url):
    client, checkout = checkout_page

    answer = pay(client, THREE_D_SECURE)
    assert answer["status"] == "requires_action"
    # What localstripe's Stripe.js does when the shopper completes the bank's challenge.
    intent_id = answer["client_secret"].split("_secret_")[0]
    import urllib.request

    request = urllib.request.Request(
        f"{localstripe_url}/v1/payment_intents/{intent_id}/_authenticate?success=true",
        data=json.dumps({"key": "pk_test_orne", "client_secret": answer["client_secret"]}).encode(),
        method="POST",
    )
    urllib.request.urlopen(request, timeout=10).read()
    client.get(reverse("orne_checkout:return"))

    assert Order.objects.filter(checkout=checkout).count() == 2


def test_stock_gone_after_payment_is_refunded_automatically(checkout_page, two_shop_basket):
    client, checkout = checkout_page
    horla = two_shop_basket[4]
    pay(client, VISA)
    horla.num_allocated = horla.num_in_stock  # the last copies went to someone else
    horla.save()

    client.get(reverse("orne_checkout:return"))

    checkout.refresh_from_db()
    assert (checkout.refund_due, checkout.refunded_amount) == (Decimal("18.00"), Decimal("18.00"))
    refunds = stripe_client().v1.refunds.list(params={"payment_intent": checkout.payment_intent_id})
    assert [refund.amount for refund in refunds.data] == [1800]
    assert checkout.orders.count() == 1


def test_the_return_page_places_nothing_for_an_unpaid_intent(checkout_page):
    client, checkout = checkout_page
    response = client.get(reverse("orne_checkout:return"))
    assert response.status_code == 302
    assert not Order.objects.exists()
    with pytest.raises(stripe.InvalidRequestError):
        stripe_client().v1.payment_intents.retrieve("pi_does_not_exist")


def test_a_paid_checkout_cannot_be_changed_before_its_orders_are_placed(
    checkout_page, two_shop_basket
):
    client, checkout = checkout_page
    _, cheese, books, *_ = two_shop_basket
    pay(client, VISA)
    page = client.get(reverse("orne_checkout:start"))
    other_slot = page.context["form"].fields[f"slot_{books.pk}"].choices[2][0]

    # A valid new choice (another slot), made in a second tab after paying.
    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "autre@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "delivery",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": other_slot,
            **ADDRESS,
        },
    )

    assert response.status_code == 200
    assert "Votre paiement est déjà en cours" in response.content.decode()
    checkout.refresh_from_db()
    assert checkout.email == "marie@example.org"
    client.get(reverse("orne_checkout:return"))
    assert Order.objects.filter(checkout=checkout).count() == 2


def test_a_mail_server_down_leaves_the_paid_orders_placed_and_logs_why(
    checkout_page, settings, caplog, django_capture_on_commit_callbacks
):
    # A real SMTP connection to a port nobody listens on: the e-mails sent through the
    # checkout_orders_placed signal fail the way a mail server outage does.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    client, checkout = checkout_page
    pay(client, VISA)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("orne_checkout:return"))

    assert response.status_code == 302
    checkout.refresh_from_db()
    assert checkout.status == Checkout.Status.PLACED
    assert Order.objects.filter(checkout=checkout).count() == 2
    # The e-mails are a task (checkout.tasks): its failure is logged with the task's path,
    # and kept as a failed task (retried by a worker with TASK_BACKEND=database).
    assert "checkout.tasks.checkout_orders_placed_notify_task state=FAILED" in caplog.text
