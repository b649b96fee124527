"""The checkout app's settings, each with its default, read at call time.

The site's name and the Stripe server settings come from the layers below (``merchants.conf``,
``commerce.conf``); this module adds what only the payment page reads.
"""

from __future__ import annotations

from django.conf import settings

from merchants.conf import site_base_url, site_name

__all__ = [
    "site_base_url",
    "site_name",
    "stripe_js_url",
    "stripe_publishable_key",
    "terms_of_sale_url",
]


def stripe_publishable_key() -> str:
    """Empty: the payment page says payments are unavailable."""
    return getattr(settings, "STRIPE_PUBLISHABLE_KEY", "")


def stripe_js_url() -> str:
    return getattr(settings, "STRIPE_JS_URL", "https://js.stripe.com/v3/")


def terms_of_sale_url() -> str:
    """Path of the terms of sale page (in the default language), linked where they are
    accepted; empty: the box is still required, without a link."""
    return getattr(settings, "CHECKOUT_TERMS_OF_SALE_URL", "")
