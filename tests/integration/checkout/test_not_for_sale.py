"""An article its shop hid, or any article of a suspended shop, cannot be bought or seen."""

from datetime import datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from checkout.fulfilment import pickup_slots
from checkout.plans import FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import Checkout, FulfilmentMode
from commerce.order.services import checkout_create, checkout_place_orders

Basket = get_model("basket", "Basket")
NOW = datetime(2026, 12, 1, 8, tzinfo=ZoneInfo("Europe/Paris"))
pytestmark = pytest.mark.django_db


def hide(record):
    record.product.is_public = False
    record.product.save()


def suspend(merchant):
    merchant.is_active = False
    merchant.save()


WITHDRAWN = {
    "hidden": lambda record, shop: hide(record),
    "suspended": lambda r, shop: suspend(shop),
}


@pytest.fixture(params=list(WITHDRAWN))
def withdrawn(request, make_shop, article):
    """An article no longer for sale (hidden, or its shop suspended), with its shop."""
    shop = make_shop("Librairie du Passage")
    record = article(shop, price="18.00", stock=5, title="Le Horla")
    return record, shop, lambda: WITHDRAWN[request.param](record, shop)


def test_adding_an_article_no_longer_for_sale_to_the_basket_is_refused(client, withdrawn):
    record, _shop, withdraw = withdrawn
    withdraw()

    response = client.post(
        reverse("basket:add", args=[record.product.pk]), {"quantity": 1}, follow=True
    )

    assert "Cet article n’est plus en vente." in unescape(response.content.decode())
    assert not Basket.objects.filter(lines__product=record.product).exists()


def test_the_page_of_an_article_no_longer_for_sale_is_not_found(client, withdrawn):
    record, _shop, withdraw = withdrawn
    url = record.product.get_absolute_url()
    assert client.get(url).status_code == 200
    withdraw()

    assert client.get(url).status_code == 404


def test_the_basket_drops_an_article_no_longer_for_sale_and_says_so(client, withdrawn, article):
    record, shop, withdraw = withdrawn
    client.post(reverse("basket:add", args=[record.product.pk]), {"quantity": 1})
    withdraw()

    page = client.get(reverse("basket:summary"))

    assert page.context["groups"] == []
    assert "« Le Horla » n'est plus en vente" in unescape(page.content.decode())


def test_a_paid_article_withdrawn_before_placement_is_not_placed_but_refunded(
    withdrawn, basket_of, make_shop, article
):
    record, shop, withdraw = withdrawn
    cheese = make_shop("Fromagerie Hébert")
    camembert = article(cheese, price="6.20", stock=10, title="Camembert")
    basket = basket_of([(record, 1), (camembert, 1)])
    plan = checkout_plan_build(
        groups=basket_groups_by_merchant(basket=basket),
        choices={
            merchant.pk: FulfilmentChoice(
                FulfilmentMode.CLICK_COLLECT, pickup_slots(merchant=merchant, now=NOW)[0].key
            )
            for merchant in (shop, cheese)
        },
        commune=None,
        now=NOW,
    )
    checkout = checkout_create(plan=plan, email="marie@example.org", basket=basket)
    withdraw()  # between the payment page and the payment's confirmation

    result = checkout_place_orders(checkout_id=checkout.pk)

    (order,) = result.orders
    assert [line.title for line in order.lines.all()] == ["Camembert"]
    assert result.refund_amount == record.price_incl_tax
    record.refresh_from_db()
    assert record.num_allocated in (0, None)
    assert Checkout.objects.get(pk=checkout.pk).status == Checkout.Status.PARTIALLY_REFUNDED
