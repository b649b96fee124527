"""Shops with hours and a delivery area, and baskets filled from several of them."""

from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from checkout.fulfilment import pickup_slots
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Checkout
from commerce.order.services import checkout_create
from commerce.partner.strategy import Selector
from commerce.payment.services import (
    checkout_payment_confirm,
    checkout_payment_start,
    payment_succeeded,
)
from merchants.models import Commune
from tests.factories import (
    USUAL_HOURS,
    MerchantFactory,
    MerchantStockRecordFactory,
    merchant_hours_set,
    shop_onboard,
)
from tests.payments import ADDRESS, VISA, card_token

Order = get_model("order", "Order")

Basket = get_model("basket", "Basket")
# A Tuesday morning: every test shop is open, so the first pickup slot is the same each run.
MORNING = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))


@pytest.fixture
def communes(db):
    """Three communes: home, a neighbour in the same EPCI, and one in another EPCI."""
    home = Commune.objects.select_related("intercommunality").get(insee_code="61001")
    neighbour = (
        Commune.objects.filter(intercommunality=home.intercommunality).exclude(pk=home.pk).first()
    )
    elsewhere = (
        Commune.objects.exclude(intercommunality=home.intercommunality)
        .filter(intercommunality__isnull=False)
        .first()
    )
    return home, neighbour, elsewhere


@pytest.fixture
def make_shop(db):
    def make(name, *, delivers_to=(), epcis=(), fee="4.50", threshold="40.00", hours=None, **kw):
        merchant = MerchantFactory(
            name=name,
            offers_delivery=bool(delivers_to or epcis),
            delivery_fee=Decimal(fee),
            free_delivery_threshold=Decimal(threshold) if threshold else None,
            delivery_lead_days=kw.pop("lead_days", 2),
            offers_click_collect=kw.pop("click_collect", True),
            preparation_minutes=kw.pop("preparation_minutes", 60),
            address=kw.pop("address", "1 place du Marché"),
            **kw,
        )
        merchant.delivery_communes.set(delivers_to)
        merchant.delivery_intercommunalities.set(epcis)
        merchant_hours_set(merchant=merchant, hours=hours or USUAL_HOURS)
        return merchant

    return make


@pytest.fixture
def article(db):
    def make(merchant, *, price="10.00", vat="5.5", stock=10, title=None):
        kwargs = {"product__title": title} if title else {}
        return MerchantStockRecordFactory(
            merchant=merchant,
            price_incl_tax=Decimal(price),
            vat_rate=vat,
            num_in_stock=stock,
            **kwargs,
        )

    return make


@pytest.fixture
def basket_of(db):
    """basket_of([(stockrecord, quantity), ...]) -> an open Oscar basket."""

    def make(items, *, basket=None):
        basket = basket or Basket.objects.create()
        basket.strategy = Selector().strategy()
        for record, quantity in items:
            basket.add_product(record.product, quantity)
        return basket

    return make


@pytest.fixture
def shopper(django_user_model):
    return django_user_model.objects.create_user("marie", "marie@example.org", "x-61-secret")


@pytest.fixture
def two_shop_basket(stripe_settings, make_shop, article, basket_of, communes, shopper):
    home, _, _ = communes
    cheese = make_shop("Fromagerie Hébert", delivers_to=[home], fee="4.50", threshold="40")
    books = make_shop("Librairie du Passage")
    camembert = article(cheese, price="6.20", stock=10, title="Camembert")
    horla = article(books, price="18.00", stock=3, title="Le Horla")
    basket = basket_of([(camembert, 2), (horla, 1)], basket=Basket.objects.create(owner=shopper))
    return basket, cheese, books, camembert, horla


@pytest.fixture
def checkout_page(client, shopper, two_shop_basket):
    """Logged in, choices posted (cheese delivered, book collected), on the payment page."""
    basket, cheese, books, *_ = two_shop_basket
    client.force_login(shopper)
    page = client.get(reverse("orne_checkout:start"), {"commune": "61001"})
    slot = page.context["form"].fields[f"slot_{books.pk}"].choices[1][0]
    response = client.post(
        reverse("orne_checkout:start"),
        {
            "email": "marie@example.org",
            "phone": "02 33 12 34 56",
            "accept_terms": "on",
            f"mode_{cheese.pk}": "delivery",
            f"mode_{books.pk}": "click_collect",
            f"slot_{books.pk}": slot,
            **ADDRESS,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    payment = client.get(reverse("orne_checkout:payment"))
    assert payment.status_code == 200
    return client, Checkout.objects.get()


@pytest.fixture
def pickup_checkouts(basket_of):
    """Make ``count`` unpaid checkouts, one per buyer, each of one ``record`` collected at
    the shop's first slot: the buyers of the concurrency tests, all after the same unit."""

    def make(*, shop, record, count: int) -> list[Checkout]:
        slot = pickup_slots(merchant=shop, now=MORNING)[0]
        checkouts = []
        for n in range(count):
            plan = checkout_plan_build(
                groups=basket_groups_by_merchant(basket=basket_of([(record, 1)])),
                choices={shop.pk: FulfilmentChoice(FulfilmentMode.CLICK_COLLECT, slot.key)},
                commune=None,
                now=MORNING,
            )
            checkouts.append(checkout_create(plan=plan, email=f"client{n}@example.org"))
        return checkouts

    return make


@pytest.fixture
def paid_three_shops(connect_settings, article, basket_of, django_capture_on_commit_callbacks):
    """Three shops keep an article each for pickup; one payment, three orders placed.

    Payments on localstripe, Connect on stripe-mock; returns the checkout and, per shop,
    (merchant, order) in the order the shops were created.
    """
    every_day = [(day, time(0), time(23, 59)) for day in range(7)]
    names_prices = [
        ("Fromagerie Hébert", "12.40"),
        ("Librairie du Passage", "18.00"),
        ("Cidrerie du Bocage", "7.15"),
    ]
    shops, items = [], []
    for name, price in names_prices:
        shop = shop_onboard(name=name)
        merchant_hours_set(merchant=shop, hours=every_day)
        shops.append(shop)
        items.append((article(shop, price=price, stock=5, title=f"Article de {name}"), 1))
    now = timezone.now()
    basket = basket_of(items)
    choices = {
        shop.pk: FulfilmentChoice(
            FulfilmentMode.CLICK_COLLECT, pickup_slots(merchant=shop, now=now)[0].key
        )
        for shop in shops
    }
    plan = checkout_plan_build(
        groups=basket_groups_by_merchant(basket=basket), choices=choices, commune=None, now=now
    )
    checkout = checkout_create(plan=plan, email="marie@example.org", basket=basket)
    checkout_payment_start(checkout=checkout)
    outcome = checkout_payment_confirm(checkout=checkout, card_token=card_token(VISA))
    assert outcome.status == "succeeded"
    with django_capture_on_commit_callbacks(execute=True):
        payment_succeeded(payment_intent_id=checkout.payment_intent_id)
    checkout.refresh_from_db()
    return checkout, [(shop, Order.objects.get(lines__partner=shop.partner)) for shop in shops]
