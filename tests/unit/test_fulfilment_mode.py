from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Order
from commerce.order.plan import PlannedGroup
from merchants.models.application import SalesMode
from search.forms import ProductSearchForm


def test_sales_mode_offers_each_fulfilment_mode_plus_both():
    assert set(SalesMode.values) == {*FulfilmentMode.values, "both"}
    assert SalesMode.DELIVERY.label == FulfilmentMode.DELIVERY.label


def test_order_and_planned_group_say_whether_they_are_delivered():
    assert Order(fulfilment_mode=FulfilmentMode.DELIVERY).is_delivery
    assert not Order(fulfilment_mode=FulfilmentMode.CLICK_COLLECT).is_delivery
    group = PlannedGroup(
        partner_id=1,
        fulfilment_mode=FulfilmentMode.CLICK_COLLECT,
        shipping_incl_tax=0,
        shipping_excl_tax=0,
        lines=(),
    )
    assert not group.is_delivery


def test_search_form_offers_the_fulfilment_modes_with_their_french_labels():
    choices = ProductSearchForm().fields["mode"].choices
    assert [(value, str(label)) for value, label in choices] == [
        ("delivery", "Livraison à domicile"),
        ("click_collect", "Retrait en boutique"),
    ]
