"""E-mails after a purchase: one summary to the shopper, to each shop its own order only.

Run after the orders' transaction commits (commerce.order.signals.checkout_orders_placed):
commerce does not know shops, so it hands over the checkout's id.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from checkout import conf
from checkout.follow import checkout_follow_path, checkout_followed_orders
from commerce.order.models import Checkout
from merchants.models import Merchant


def checkout_orders_placed_notify(*, checkout_id: int) -> None:
    checkout = Checkout.objects.get(pk=checkout_id)
    rows = checkout_followed_orders(checkout=checkout)
    follow_url = conf.site_base_url() + checkout_follow_path(checkout=checkout)
    send_mail(
        subject=_("Votre commande %(number)s sur %(site)s")
        % {"number": checkout.number, "site": conf.site_name()},
        message=render_to_string(
            "checkout/emails/shopper_summary.txt",
            {
                "checkout": checkout,
                "rows": rows,
                "follow_url": follow_url,
                "site_name": conf.site_name(),
            },
        ),
        from_email=None,
        recipient_list=[checkout.email],
    )
    for row in rows:
        merchant = row.merchant
        if merchant is None:
            continue
        recipients = merchant_order_recipients(merchant=merchant)
        if not recipients:
            continue
        send_mail(
            subject=_("Nouvelle commande %(number)s") % {"number": row.order.number},
            message=render_to_string(
                "checkout/emails/merchant_order.txt",
                {"order": row.order, "merchant": merchant, "site_name": conf.site_name()},
            ),
            from_email=None,
            recipient_list=recipients,
        )


def merchant_order_recipients(*, merchant: Merchant) -> list[str]:
    """The shop's contact address, else the addresses of the accounts that run it."""
    if merchant.email:
        return [merchant.email]
    return sorted({user.email for user in merchant.users.all() if user.email})
