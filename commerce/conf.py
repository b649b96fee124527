"""The commerce apps' own settings, each with its default, read at call time.

Read through these functions rather than ``settings.X`` so the apps boot in a project that
sets none of them (tests/bare_project) and ``override_settings`` keeps working. Django's
own settings (``AUTH_USER_MODEL``, ``MANAGERS``, …) always have a default and are read
directly.
"""

from __future__ import annotations

from django.conf import settings

from commerce.order.statuses import INITIAL_ORDER_STATUS

DEFAULT_STRATEGY_CLASS = "commerce.partner.strategy.France"


def currency() -> str:
    return getattr(settings, "OSCAR_DEFAULT_CURRENCY", "EUR")


def initial_order_status() -> str:
    return getattr(settings, "OSCAR_INITIAL_ORDER_STATUS", INITIAL_ORDER_STATUS.value)


def strategy_class_path() -> str:
    """Dotted path of the pricing strategy (a ``France`` subclass); the merchants layer sets it."""
    return getattr(settings, "COMMERCE_STRATEGY_CLASS", DEFAULT_STRATEGY_CLASS)


def stripe_secret_key() -> str:
    """Empty: payments are unavailable (the gateway says so)."""
    return getattr(settings, "STRIPE_SECRET_KEY", "")


def stripe_api_base() -> str:
    """Empty: api.stripe.com; set, another server speaking its API (localstripe)."""
    return getattr(settings, "STRIPE_API_BASE", "")


def stripe_webhook_secret() -> str:
    return getattr(settings, "STRIPE_WEBHOOK_SECRET", "")


def site_base_url() -> str:
    """The site's public address (Wagtail's ``WAGTAILADMIN_BASE_URL``), without a final slash."""
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://localhost:8000").rstrip("/")


def stripe_connect_api_base() -> str:
    """Where Connect calls go (stripe-mock in tests); the payments' base when empty."""
    return getattr(settings, "STRIPE_CONNECT_API_BASE", "") or stripe_api_base()


def stripe_connect_webhook_secret() -> str:
    """The Connect endpoint's secret (connected accounts' events); none when empty."""
    return getattr(settings, "STRIPE_CONNECT_WEBHOOK_SECRET", "")
