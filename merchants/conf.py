"""The merchants app's settings, each with its default, read at call time.

The site's settings set the values; the app never needs them (tests/bare_project boots it
without any). Read through these functions, not ``settings.X``, so ``override_settings``
keeps working. Settings of commerce (currency, Stripe, the site's address) come from
``commerce.conf``.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext

from commerce.conf import currency, site_base_url

__all__ = [
    "catalogue_import_inline_max_lines",
    "currency",
    "email_change_link_max_age",
    "merchant_pages_moderated",
    "merchant_signups_per_hour",
    "photo_max_bytes",
    "photo_max_pixels",
    "site_base_url",
    "site_name",
    "trust_x_forwarded_for",
]


def site_name() -> str:
    """The marketplace's name in e-mails: ``SITE_NAME``, else Wagtail's ``WAGTAIL_SITE_NAME``."""
    return (
        getattr(settings, "SITE_NAME", "")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
        or gettext("Marché local")
    )


def merchant_pages_moderated() -> bool:
    """True: a shop's page changes wait for a council editor's approval before going live."""
    return bool(getattr(settings, "MERCHANT_PAGES_MODERATED", False))


def merchant_signups_per_hour() -> int:
    """Sign-up requests accepted per client address and hour."""
    return int(getattr(settings, "MERCHANT_SIGNUPS_PER_HOUR", 5))


def email_change_link_max_age() -> timedelta:
    """How long the link confirming a new e-mail address works."""
    value = getattr(settings, "EMAIL_CHANGE_LINK_MAX_AGE", timedelta(days=2))
    return value if isinstance(value, timedelta) else timedelta(seconds=value)


def catalogue_import_inline_max_lines() -> int:
    """Bigger catalogue files are written by a task, with a progress page, not in the request."""
    return int(getattr(settings, "CATALOGUE_IMPORT_INLINE_MAX_LINES", 2000))


def photo_max_bytes() -> int:
    """Article photos get the same limits as the Wagtail images (logos, covers)."""
    return int(getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))


def photo_max_pixels() -> int:
    # Lower than Wagtail's own default (128 Mpx): a decoded 40 Mpx photo already takes 160 MB.
    return int(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000))


def trust_x_forwarded_for() -> bool:
    """True only behind a proxy that sets X-Forwarded-For itself (else clients could forge it)."""
    return bool(getattr(settings, "TRUST_X_FORWARDED_FOR", False))
