"""The Stripe client, configured from settings in one place.

STRIPE_API_BASE points the same code at localstripe (make run, tests); unset, it talks to
api.stripe.com. Amounts cross this boundary in cents, computed from Decimal here only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.core.exceptions import ImproperlyConfigured

from commerce import conf


def amount_in_cents(amount: Decimal) -> int:
    return int((Decimal(amount) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def stripe_client() -> stripe.StripeClient:
    secret_key = conf.stripe_secret_key()
    if not secret_key:
        raise ImproperlyConfigured("STRIPE_SECRET_KEY is not set: payments are unavailable.")
    kwargs = {}
    if api_base := conf.stripe_api_base():
        kwargs["base_addresses"] = {"api": api_base}
    # Network retries are safe: every write below carries an idempotency key.
    return stripe.StripeClient(secret_key, max_network_retries=2, **kwargs)


def uses_localstripe() -> bool:
    return bool(conf.stripe_api_base())


def webhook_event_verified(*, payload: bytes, signature: str) -> stripe.Event:
    """The event, if its Stripe-Signature matches STRIPE_WEBHOOK_SECRET; raises otherwise."""
    secret = conf.stripe_webhook_secret()
    if not secret:
        raise ImproperlyConfigured("STRIPE_WEBHOOK_SECRET is not set.")
    return stripe.Webhook.construct_event(payload, signature, secret)
