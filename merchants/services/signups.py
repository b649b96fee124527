"""The public sign-up: one application per shop and address, a few per client address.

`merchant_application_submit`:
1. refuses a duplicate (same e-mail or SIRET pending, a SIRET already a shop's, an e-mail
   that already has an account), saying no more than "a request already exists";
2. takes one of the client address's hourly slots, atomically (the cache's add/incr), so
   parallel requests cannot all pass a count taken before any of them is stored;
3. records the application as pending and, after commit, tells the council staff and
   acknowledges it to the applicant.
"""

from __future__ import annotations

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from merchants import conf
from merchants.models import Merchant, MerchantApplication
from merchants.services.notifications import send_application_received
from merchants.services.onboarding import account_exists_for_email

SIGNUP_WINDOW_SECONDS = 3600


class SignupRateLimited(Exception):
    """This client address has used its MERCHANT_SIGNUPS_PER_HOUR sign-ups."""


def merchant_application_duplicate_errors(*, email: str, siret: str) -> dict[str, str]:
    """Field → French message for what a sign-up would duplicate (empty when none)."""
    errors = {}
    pending = MerchantApplication.objects.filter(status=MerchantApplication.Status.PENDING)
    if email and (pending.filter(email__iexact=email).exists() or account_exists_for_email(email)):
        errors["email"] = _("Une demande existe déjà pour cette adresse e-mail.")
    if siret and (
        pending.filter(siret=siret).exists() or Merchant.objects.filter(siret=siret).exists()
    ):
        errors["siret"] = _("Une demande ou une boutique existe déjà pour ce numéro SIRET.")
    return errors


def signup_slot_take(*, ip_address: str | None) -> bool:
    """Count one sign-up for this address; False once the hour's allowance is used up.

    add() then incr() are each atomic in every cache backend (locmem, Redis), so N parallel
    requests get N distinct counts. In production the cache must be shared by every process.
    """
    if not ip_address:
        return True
    key = f"merchant-signups:{ip_address}"
    cache.add(key, 0, timeout=SIGNUP_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add() and incr()
        cache.add(key, 0, timeout=SIGNUP_WINDOW_SECONDS)
        count = cache.incr(key)
    return count <= conf.merchant_signups_per_hour()


def merchant_application_submit(*, data: dict, ip_address: str | None) -> MerchantApplication:
    """Record a sign-up; ``data`` is a validated form's cleaned_data."""
    errors = merchant_application_duplicate_errors(email=data["email"], siret=data["siret"])
    if errors:
        raise ValidationError(errors)
    if not signup_slot_take(ip_address=ip_address):
        raise SignupRateLimited
    application = MerchantApplication.objects.create(**data, submitted_from=ip_address)
    transaction.on_commit(lambda: send_application_received(application=application))
    return application
