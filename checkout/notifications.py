"""E-mails after a purchase: one summary to the shopper, to each shop its own order only.

Run after the orders' transaction commits (commerce.order.signals.checkout_orders_placed):
commerce does not know shops, so it hands over the checkout's id.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from checkout import conf
from commerce.order.models import Checkout, Order
from merchants.models import Merchant


def _merchants_by_partner(orders) -> dict[int, Merchant]:
    partner_ids = {line.partner_id for order in orders for line in order.lines.all()}
    return Merchant.objects.prefetch_related("users").in_bulk(
        list(partner_ids), field_name="partner_id"
    )


def _merchant_of(order: Order, merchants: dict[int, Merchant]) -> Merchant | None:
    line = next(iter(order.lines.all()), None)
    return merchants.get(line.partner_id) if line else None


def checkout_orders_placed_notify(*, checkout_id: int) -> None:
    checkout = Checkout.objects.get(pk=checkout_id)
    orders = list(checkout.orders.prefetch_related("lines").order_by("number"))
    merchants = _merchants_by_partner(orders)
    rows = [{"order": order, "merchant": _merchant_of(order, merchants)} for order in orders]
    send_mail(
        subject=_("Votre commande %(number)s sur %(site)s")
        % {"number": checkout.number, "site": conf.site_name()},
        message=render_to_string(
            "checkout/emails/shopper_summary.txt",
            {"checkout": checkout, "rows": rows, "site_name": conf.site_name()},
        ),
        from_email=None,
        recipient_list=[checkout.email],
    )
    for row in rows:
        merchant = row["merchant"]
        if merchant is None:
            continue
        recipients = merchant_order_recipients(merchant=merchant)
        if not recipients:
            continue
        send_mail(
            subject=_("Nouvelle commande %(number)s") % {"number": row["order"].number},
            message=render_to_string(
                "checkout/emails/merchant_order.txt",
                {"order": row["order"], "merchant": merchant, "site_name": conf.site_name()},
            ),
            from_email=None,
            recipient_list=recipients,
        )


def merchant_order_recipients(*, merchant: Merchant) -> list[str]:
    """The shop's contact address, else the addresses of the accounts that run it."""
    if merchant.email:
        return [merchant.email]
    return sorted({user.email for user in merchant.users.all() if user.email})
