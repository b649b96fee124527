"""Writes on a shopper's personal data: the e-mailed link, the erasure, the periodic purge.

Erasure keeps the accounting records (French law, Code de commerce L123-22: ten years):
order numbers, dates, amounts, lines and VAT stay; names, e-mail addresses, phone numbers,
postal addresses and accounts go. Accounts of staff and merchants are never erased here:
they are closed by the council.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from commerce.order.models import Checkout, Order
from merchants.models import MerchantApplication
from orne_site.privacy import conf
from orne_site.privacy.selectors import (
    alerts_for_email,
    checkouts_for_email,
    emails_for_email,
    orders_for_email,
    personal_data_exists,
    reviews_for_email,
    users_for_email,
)
from orne_site.privacy.tokens import email_normalise, privacy_token_make

ShippingAddress = get_model("order", "ShippingAddress")
BillingAddress = get_model("order", "BillingAddress")
OrderNote = get_model("order", "OrderNote")
Email = get_model("communication", "Email")

ERASED_ADDRESS = {
    "title": "",
    "first_name": "",
    "last_name": "",
    "line1": "",
    "line2": "",
    "line3": "",
    "line4": "",
    "state": "",
    "postcode": "",
    "search_text": "",
}


@dataclass
class ErasureResult:
    checkouts: int = 0
    orders: int = 0
    accounts_deleted: int = 0
    accounts_kept: int = 0


@dataclass
class PurgeResult:
    accounts_deleted: int = 0
    guest_checkouts_anonymised: int = 0
    applications_deleted: int = 0


def privacy_request_send(*, email: str, link_for) -> bool:
    """E-mail a 24-hour link to ``email`` if the marketplace holds anything about it.

    ``link_for(token)`` turns the token into an absolute URL (the view knows the host).
    The caller answers the same whatever this returns, so nobody learns who is a customer.
    """
    email = email_normalise(email)
    if not personal_data_exists(email=email):
        return False
    send_mail(
        subject=_("Vos données personnelles sur %(site)s") % {"site": settings.SITE_NAME},
        message=render_to_string(
            "privacy/emails/request_link.txt",
            {
                "link": link_for(privacy_token_make(email=email)),
                "site_name": settings.SITE_NAME,
                "dpo_email": conf.dpo_email(),
            },
        ),
        from_email=None,
        recipient_list=[email],
    )
    return True


def user_is_protected(user) -> bool:
    """Staff and merchants' accounts are the council's to close, not a web form's."""
    return user.is_staff or user.is_superuser or user.merchants.exists()


def _orders_anonymise(orders: QuerySet) -> int:
    order_ids = list(orders.values_list("pk", flat=True))
    orders = Order.objects.filter(pk__in=order_ids)
    ShippingAddress.objects.filter(order__in=orders).update(
        **ERASED_ADDRESS, phone_number="", notes=""
    )
    BillingAddress.objects.filter(order__in=orders).update(**ERASED_ADDRESS)
    # Merchants' free notes may name the shopper; statuses and amounts are kept elsewhere.
    OrderNote.objects.filter(order__in=orders).delete()
    return orders.update(guest_email="", user=None)


def _checkouts_anonymise(checkouts: QuerySet) -> int:
    checkout_ids = list(checkouts.values_list("pk", flat=True))
    checkouts = Checkout.objects.filter(pk__in=checkout_ids)
    _orders_anonymise(Order.objects.filter(checkout__in=checkouts))
    return checkouts.update(email="", shipping_address={}, user=None)


def _user_erase(user) -> None:
    """Anonymise what the account bought, then delete it (addresses, baskets, alerts go)."""
    _checkouts_anonymise(Checkout.objects.filter(user=user))
    _orders_anonymise(Order.objects.filter(user=user))
    Email.objects.filter(user=user).delete()
    user.delete()


@transaction.atomic
def personal_data_erase(*, email: str) -> ErasureResult:
    """Erase every personal datum held about ``email``; accounting records stay, anonymised."""
    email = email_normalise(email)
    result = ErasureResult()
    users = list(users_for_email(email=email))
    result.orders = _orders_anonymise(orders_for_email(email=email))
    result.checkouts = _checkouts_anonymise(checkouts_for_email(email=email))
    emails_for_email(email=email).delete()
    alerts_for_email(email=email).delete()
    reviews_for_email(email=email).delete()
    for user in users:
        if user_is_protected(user):
            result.accounts_kept += 1
        else:
            _user_erase(user)
            result.accounts_deleted += 1
    return result


def _inactive_accounts(*, cutoff: datetime) -> QuerySet:
    return get_user_model().objects.filter(
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff),
        is_staff=False,
        is_superuser=False,
        merchants__isnull=True,
    )


@transaction.atomic
def privacy_purge_inactive(*, now: datetime | None = None) -> PurgeResult:
    """The retention the privacy page promises; running it twice changes nothing more.

    1. accounts nobody logged into for three years (not staff, not merchants): erased;
    2. guest checkouts (and their orders) older than the retention: anonymised;
    3. refused merchant sign-ups a year after the decision: deleted.
    """
    now = now or timezone.now()
    result = PurgeResult()
    for user in _inactive_accounts(cutoff=now - conf.inactive_account_retention()):
        _user_erase(user)
        result.accounts_deleted += 1
    guest_cutoff = now - conf.guest_data_retention()
    result.guest_checkouts_anonymised = _checkouts_anonymise(
        Checkout.objects.filter(user__isnull=True, created_at__lt=guest_cutoff).exclude(email="")
    )
    _orders_anonymise(
        Order.objects.filter(user__isnull=True, date_placed__lt=guest_cutoff).exclude(
            guest_email=""
        )
    )
    result.applications_deleted, _ = MerchantApplication.objects.filter(
        status=MerchantApplication.Status.REJECTED,
        decided_at__lt=now - conf.rejected_application_retention(),
    ).delete()
    return result
