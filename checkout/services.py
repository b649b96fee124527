"""Writes of the checkout flow on the marketplace side: from choices to a payable Checkout."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from checkout.plans import CheckoutNotPossible, FulfilmentChoice, checkout_plan_build
from checkout.selectors import basket_groups_by_merchant
from commerce.order.models import Checkout
from commerce.order.services import checkout_create, checkout_invoice_buyer_set
from commerce.partner.stock import stockrecord_free_stock
from commerce.payment.services import PaymentUnderWay, checkout_plan_replace
from merchants.models import Commune


def checkout_prepare(
    *,
    basket,
    choices: dict[int, FulfilmentChoice],
    commune: Commune | None,
    email: str,
    phone: str = "",
    name: str = "",
    user=None,
    shipping_address: dict | None = None,
    invoice_buyer: dict | None = None,
    now: datetime,
    pending: Checkout | None = None,
) -> Checkout:
    """Price the basket as chosen and record it as a pending checkout, ready for payment.

    Steps: group the basket by shop (stock re-checked), build the plan (raises
    CheckoutNotPossible with French messages), then create the checkout or, if the shopper
    came back to change a pending one of the same basket, replace its content so the one
    PaymentIntent follows the new amount.
    """
    plan = checkout_plan_build(
        groups=basket_groups_by_merchant(basket=basket), choices=choices, commune=commune, now=now
    )
    address = shipping_address if any(g.is_delivery for g in plan.groups) else {}
    if (
        pending is not None
        and pending.status == Checkout.Status.PENDING
        and pending.basket_id == basket.id
    ):
        try:
            # Refused under the checkout's lock once the card is submitted: changing it then
            # would charge one amount and place another.
            checkout = checkout_plan_replace(
                checkout_id=pending.pk,
                plan=plan,
                email=email,
                phone=phone,
                name=name,
                shipping_address=address,
            )
        except PaymentUnderWay:
            raise CheckoutNotPossible(
                [_("Votre paiement est déjà en cours : vos commandes arrivent.")]
            ) from None
    else:
        checkout = checkout_create(
            plan=plan,
            email=email,
            phone=phone,
            name=name,
            basket=basket,
            user=user,
            shipping_address=address,
        )
    checkout_invoice_buyer_set(checkout=checkout, buyer=invoice_buyer or {})
    return checkout


def basket_line_set_quantity(*, basket, line_id: int, quantity: int) -> int:
    """Change one line's quantity (0 removes it); returns the quantity kept.

    The quantity is capped at the free stock so the basket never promises what the shop
    does not have; the page says so in French.
    """
    line = basket.lines.select_related("stockrecord", "product__product_class").get(pk=line_id)
    if quantity <= 0:
        line.delete()
        basket.reset_offer_applications()
        return 0
    record = line.stockrecord
    tracks = line.product.product_class is None or line.product.product_class.track_stock
    if tracks and record is not None:
        quantity = min(quantity, stockrecord_free_stock(record))
    if quantity == 0:
        line.delete()
    else:
        line.quantity = quantity
        line.save(update_fields=["quantity"])
    basket.reset_offer_applications()
    return quantity
