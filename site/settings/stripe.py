"""Stripe settings: payments (localstripe in dev and tests) and Connect (stripe-mock in tests)."""

from .env import env_list, env_str

# Stripe: real keys in production; `make run` and the tests point STRIPE_API_BASE and
# STRIPE_JS_URL at a local localstripe server instead.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = env_str("STRIPE_API_BASE", "")
STRIPE_JS_URL = env_str("STRIPE_JS_URL", "https://js.stripe.com/v3/")
# Stripe Connect (shops' payout accounts, transfers): the same Stripe by default; tests and
# CI point it at stripe-mock, which validates every Connect request against Stripe's OpenAPI.
STRIPE_CONNECT_API_BASE = env_str("STRIPE_CONNECT_API_BASE", "") or STRIPE_API_BASE
# Connect events (account.updated) come signed with their own endpoint secret in Stripe.
STRIPE_CONNECT_WEBHOOK_SECRET = env_str("STRIPE_CONNECT_WEBHOOK_SECRET", "")
# Stripe.js's own frames and API calls (Stripe's documented CSP hosts); the origin of
# STRIPE_JS_URL itself is added to script-src, frame-src and connect-src at request time.
STRIPE_CSP_HOSTS = env_list(
    "STRIPE_CSP_HOSTS", ["https://api.stripe.com", "https://hooks.stripe.com"]
)
