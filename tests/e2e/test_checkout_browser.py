"""A shopper buys from two shops in Chromium, paying through localstripe's Stripe.js.

One shop delivers, the other keeps the article for click & collect; a declined card keeps
the basket; a 3-D Secure card completes once the bank's challenge is passed.
"""

import time as clock
import urllib.parse
import urllib.request
from datetime import time
from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from commerce.order.models import Checkout
from commerce.order.statuses import OrderStatus
from commerce.payment.gateway import stripe_client
from commerce.payment.models import StripeEvent
from merchants.models import Commune
from merchants.services.onboarding import ShopDetails, merchant_onboard
from tests.factories import MerchantFactory, MerchantStockRecordFactory, merchant_hours_set

Order = get_model("order", "Order")
BOOKS_EMAIL = "librairie@example.org"
PASSWORD = "le-horla-maupassant-61"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def webhook_to_live_server(stripe_settings, live_server, localstripe_url):
    """localstripe posts its events to this test's server, as Stripe would."""
    data = urllib.parse.urlencode(
        {"url": f"{live_server.url}/paiement/stripe/webhook/", "secret": "whsec_orne_test"}
    ).encode()
    urllib.request.urlopen(f"{localstripe_url}/_config/webhooks/orne", data=data, timeout=10)


@pytest.fixture
def two_shops(stripe_settings, webhook_to_live_server):
    home = Commune.objects.get(insee_code="61001")
    cheese = MerchantFactory(
        name="Fromagerie Hébert", offers_delivery=True, delivery_fee=Decimal("4.50")
    )
    cheese.delivery_communes.set([home])
    # Onboarded like a real shop (account, group, page) so it can log in to the back office.
    books = merchant_onboard(
        details=ShopDetails(name="Librairie du Passage", commune=home, email=BOOKS_EMAIL),
        password=PASSWORD,
        notify=False,
    )
    # Open all day every day, so a pickup slot exists whenever the test runs.
    merchant_hours_set(merchant=books, hours=[(day, time(0), time(23, 59)) for day in range(7)])
    camembert = MerchantStockRecordFactory(
        merchant=cheese, price_incl_tax=Decimal("6.20"), product__title="Camembert"
    )
    horla = MerchantStockRecordFactory(
        merchant=books, price_incl_tax=Decimal("18.00"), product__title="Le Horla"
    )
    return cheese, books, camembert, horla


def fill_basket_and_choose(page, base, two_shops, *, accept_terms=True):
    cheese, books, camembert, horla = two_shops
    for record in (camembert, horla):
        page.goto(base + record.product.get_absolute_url())
        page.click("#add_to_basket_form button[type=submit]")
    page.goto(f"{base}/boutique/basket/")
    assert page.locator("section.basket__shop").count() == 2

    page.click("text=Choisir livraison ou retrait")
    page.select_option("select[name=commune]", "61001")
    page.click("text=Voir les options")
    page.check(f"input[name=mode_{cheese.pk}][value=delivery]")
    page.check(f"input[name=mode_{books.pk}][value=click_collect]")
    page.select_option(f"select[name=slot_{books.pk}]", index=1)
    page.fill("input[name=email]", "marie@example.org")
    page.fill("input[name=phone]", "02 33 12 34 56")
    page.fill("input[name=first_name]", "Marie")
    page.fill("input[name=last_name]", "Lefèvre")
    page.fill("input[name=line1]", "3 rue aux Sieurs")
    page.fill("input[name=postcode]", "61000")
    page.fill("input[name=city]", "Alençon")
    if not accept_terms:
        page.click("text=Voir le récapitulatif")
        return
    page.check("input[name=accept_terms]")
    page.click("text=Voir le récapitulatif")
    page.wait_for_url("**/commande/paiement/")
    assert "28,70\u202f€" in page.locator("[data-total]").inner_text()


def pay_with(page, number):
    card = page.locator("#carte")
    card.locator("input[placeholder=number]").fill(number)
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("61000")
    page.click("#paiement button[type=submit]")


def test_two_shop_purchase_one_delivered_one_collected(live_server, page, two_shops):
    *_, horla = two_shops
    page.set_default_timeout(15_000)
    fill_basket_and_choose(page, live_server.url, two_shops)

    pay_with(page, "4242424242424242")

    page.wait_for_url("**/commande/confirmation/**")
    orders = page.locator("[data-order]")
    assert orders.count() == 2
    text = page.inner_text("main")
    assert "Fromagerie Hébert" in text and "Livraison à domicile" in text
    assert "Librairie du Passage" in text and "Retrait en boutique" in text
    assert sorted(Order.objects.values_list("fulfilment_mode", flat=True)) == [
        "click_collect",
        "delivery",
    ]
    # The webhook arrives too (browser return and webhook race): still two orders.
    deadline = clock.monotonic() + 10
    while not StripeEvent.objects.filter(type="payment_intent.succeeded").exists():
        assert clock.monotonic() < deadline, "localstripe's webhook never arrived"
        clock.sleep(0.2)
    assert Order.objects.count() == 2

    # The bookshop prepares and hands over its order from the back office alone: from its
    # home, the order page (with the shopper's phone), the slip, then the status buttons.
    # It never sees the cheese order of the same basket.
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", BOOKS_EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    book_order = Order.objects.get(fulfilment_mode="click_collect")
    cheese_order = Order.objects.get(fulfilment_mode="delivery")
    home = page.inner_text("main")
    assert "Commandes à préparer" in home and cheese_order.number not in home
    page.locator(f"a[href='/admin/commandes/edit/{book_order.pk}/']").first.click()
    page.wait_for_url(f"{live_server.url}/admin/commandes/edit/{book_order.pk}/")
    order_page = page.inner_text("main")
    assert "Le Horla" in order_page and "02 33 12 34 56" in order_page
    assert "None" not in order_page
    with page.context.expect_page() as slip_opened:
        page.click("text=Imprimer le bon de préparation")
    slip = slip_opened.value
    slip.wait_for_load_state()
    assert "Bon de préparation" in slip.inner_text("body") and "Le Horla" in slip.inner_text("body")
    slip.close()
    for status in (OrderStatus.PREPARING, OrderStatus.READY, OrderStatus.COLLECTED):
        page.click(f"button[name=status][value='{status.value}']")
        page.wait_for_url(f"{live_server.url}/admin/commandes/edit/{book_order.pk}/")
        assert f"Commande {book_order.number} : {status.label}" in page.inner_text("body")
    assert "Cette commande est terminée" in page.inner_text("main")
    page.goto(f"{live_server.url}/admin/commandes/")
    listing = page.inner_text("main")
    assert book_order.number in listing and cheese_order.number not in listing
    book_order.refresh_from_db()
    cheese_order.refresh_from_db()
    assert (book_order.status, cheese_order.status) == (OrderStatus.COLLECTED, OrderStatus.RECEIVED)
    horla.refresh_from_db()
    assert (horla.num_allocated or 0) == 0  # handed over: the allocation left the stock


def test_a_declined_card_is_explained_in_french_and_the_basket_stays(live_server, page, two_shops):
    page.set_default_timeout(15_000)
    fill_basket_and_choose(page, live_server.url, two_shops)

    pay_with(page, "4000000000000341")

    error = page.locator("#paiement-erreur")
    error.wait_for(state="visible")
    assert "panier est conservé" in error.inner_text()
    assert not Order.objects.exists()
    page.goto(f"{live_server.url}/boutique/basket/")
    assert page.locator("section.basket__shop").count() == 2


def test_a_three_d_secure_card_completes_after_the_banks_challenge(live_server, page, two_shops):
    page.set_default_timeout(15_000)
    fill_basket_and_choose(page, live_server.url, two_shops)

    pay_with(page, "4000002760003184")
    page.click("text=Complete authentication")

    page.wait_for_url("**/commande/confirmation/**")
    assert page.locator("[data-order]").count() == 2


def test_on_a_phone_a_declined_card_then_a_good_one_pays_once(live_server, browser, two_shops):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    fill_basket_and_choose(page, live_server.url, two_shops)

    pay_with(page, "4000000000000341")
    page.locator("#paiement-erreur").wait_for(state="visible")
    assert "refusé" in page.inner_text("#paiement-erreur")
    pay_with(page, "4242424242424242")

    page.wait_for_url("**/commande/confirmation/**")
    assert page.locator("[data-order]").count() == 2
    checkout = Checkout.objects.get()
    assert checkout.status == Checkout.Status.PLACED
    client = stripe_client()
    intents = {
        i.id
        for i in client.v1.payment_intents.list(params={"limit": 100}).data
        if i.metadata.to_dict().get("checkout") == checkout.number
    }
    charges = client.v1.charges.list(params={"limit": 100}).data
    assert len(intents) == 2  # the declined one, cancelled, and the one that paid
    assert [
        c.payment_intent for c in charges if c.payment_intent in intents and c.status == "succeeded"
    ] == [checkout.payment_intent_id]
    assert Order.objects.count() == 2
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_on_a_phone_the_basket_steppers_add_and_remove_one(live_server, phone_page, two_shops):
    *_, camembert, _horla = two_shops
    page = phone_page
    page.goto(live_server.url + camembert.product.get_absolute_url())
    page.click("#add_to_basket_form button[type=submit]")
    page.goto(f"{live_server.url}/boutique/basket/")
    field = page.get_by_role("spinbutton", name="Quantité de Camembert", exact=True)
    # The enhancement hides "Mettre à jour": a typed quantity is sent on change.
    assert not page.locator("[data-stepper-update]").is_visible()

    page.get_by_role("button", name="Augmenter la quantité de Camembert").click()
    page.wait_for_load_state()
    assert field.input_value() == "2"
    assert "12,40\u202f€" in page.inner_text("section.basket__shop")

    page.get_by_role("button", name="Diminuer la quantité de Camembert").click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("spinbutton", name="Quantité de Camembert", exact=True).input_value()
        == "1"
    )


def test_on_a_phone_going_back_and_forth_keeps_every_entry(live_server, phone_page, two_shops):
    cheese, books, *_ = two_shops
    page = phone_page
    fill_basket_and_choose(page, live_server.url, two_shops)
    payment_url = page.url

    page.click("text=Modifier mes choix")
    page.wait_for_url("**/commande/")
    assert page.input_value("input[name=email]") == "marie@example.org"
    assert page.input_value("input[name=phone]") == "02 33 12 34 56"
    assert page.input_value("input[name=last_name]") == "Lefèvre"
    assert page.input_value("input[name=line1]") == "3 rue aux Sieurs"
    assert page.input_value("input[name=postcode]") == "61000"
    assert page.is_checked(f"input[name=mode_{cheese.pk}][value=delivery]")
    assert page.is_checked(f"input[name=mode_{books.pk}][value=click_collect]")
    chosen = page.input_value(f"select[name=slot_{books.pk}]")
    assert chosen != ""
    assert page.input_value("select[name=commune]") == "61001"

    # The terms are accepted again; then the browser's back button from the payment page.
    page.check("input[name=accept_terms]")
    page.click("text=Voir le récapitulatif")
    page.wait_for_url(payment_url)
    page.go_back()
    page.wait_for_url("**/commande/")
    assert page.input_value("input[name=city]") == "Alençon"
    assert page.input_value(f"select[name=slot_{books.pk}]") == chosen


def test_on_a_phone_the_terms_of_sale_must_be_accepted(live_server, phone_page, two_shops):
    page = phone_page
    fill_basket_and_choose(page, live_server.url, two_shops, accept_terms=False)

    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "Acceptez les conditions générales de vente" in summary.inner_text()
    assert summary.get_by_role("link").first.get_attribute("href") == "#id_accept_terms"
    assert page.input_value("input[name=line1]") == "3 rue aux Sieurs"
    assert not Checkout.objects.exists()
