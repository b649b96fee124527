"""The privacy app's settings, each with its default (the app reads no other setting)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings

# A link e-mailed to a shopper opens their data for this long.
LINK_MAX_AGE = timedelta(hours=24)
THREE_YEARS = timedelta(days=3 * 365)


def dpo_email() -> str:
    return getattr(settings, "PRIVACY_DPO_EMAIL", "dpo@orne.invalid")


def requests_per_hour_per_client() -> int:
    return getattr(settings, "PRIVACY_REQUESTS_PER_HOUR", 5)


def requests_per_day_per_email() -> int:
    return getattr(settings, "PRIVACY_REQUESTS_PER_DAY_PER_EMAIL", 3)


def inactive_account_retention() -> timedelta:
    """An account nobody logged into for this long is erased (CNIL: three years)."""
    return timedelta(days=getattr(settings, "PRIVACY_INACTIVE_ACCOUNT_DAYS", 3 * 365))


def guest_data_retention() -> timedelta:
    """A guest checkout's personal data is anonymised this long after the purchase."""
    return timedelta(days=getattr(settings, "PRIVACY_GUEST_DATA_DAYS", 3 * 365))


def rejected_application_retention() -> timedelta:
    """A refused merchant sign-up is deleted this long after the decision."""
    return timedelta(days=getattr(settings, "PRIVACY_REJECTED_APPLICATION_DAYS", 365))
