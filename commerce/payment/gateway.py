"""The Stripe clients, configured from settings in one place.

STRIPE_API_BASE points the payment client at localstripe (make run, tests); unset, it talks
to api.stripe.com. The Connect client (payout accounts, transfers, reversals) has its own
base, STRIPE_CONNECT_API_BASE (stripe-mock in tests), defaulting to the payment one.
Amounts cross this boundary in cents, computed from Decimal here only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.core.exceptions import ImproperlyConfigured

from commerce import conf

CENT = Decimal("0.01")


def amount_in_cents(amount: Decimal) -> int:
    return int((Decimal(amount) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def amount_from_cents(cents: int) -> Decimal:
    return (Decimal(int(cents)) / 100).quantize(CENT)


def stripe_client() -> stripe.StripeClient:
    return _client(api_base=conf.stripe_api_base())


def stripe_connect_client() -> stripe.StripeClient:
    """The client for Connect calls; its base may differ from the payments' (stripe-mock)."""
    return _client(api_base=conf.stripe_connect_api_base())


def _client(*, api_base: str) -> stripe.StripeClient:
    secret_key = conf.stripe_secret_key()
    if not secret_key:
        raise ImproperlyConfigured("STRIPE_SECRET_KEY is not set: payments are unavailable.")
    kwargs = {}
    if api_base:
        kwargs["base_addresses"] = {"api": api_base}
    # Network retries are safe: every write below carries an idempotency key.
    return stripe.StripeClient(secret_key, max_network_retries=2, **kwargs)


def uses_localstripe() -> bool:
    return bool(conf.stripe_api_base())


def webhook_event_verified(*, payload: bytes, signature: str) -> stripe.Event:
    """The event, if its Stripe-Signature matches a webhook secret; raises otherwise.

    Stripe signs the platform's events with STRIPE_WEBHOOK_SECRET and, on a Connect
    endpoint, the connected accounts' events with STRIPE_CONNECT_WEBHOOK_SECRET.
    """
    secret = conf.stripe_webhook_secret()
    if not secret:
        raise ImproperlyConfigured("STRIPE_WEBHOOK_SECRET is not set.")
    connect_secret = conf.stripe_connect_webhook_secret()
    try:
        return stripe.Webhook.construct_event(payload, signature, secret)
    except stripe.SignatureVerificationError:
        if not connect_secret:
            raise
        return stripe.Webhook.construct_event(payload, signature, connect_secret)
