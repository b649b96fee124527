"""Stripe's webhook endpoint: verify, record once, hand over to the payment services."""

from __future__ import annotations

import logging

import stripe
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from commerce.payment.gateway import webhook_event_verified
from commerce.payment.services import PaymentNotSucceeded
from commerce.payment.webhooks import stripe_event_handle

logger = logging.getLogger(__name__)


@csrf_exempt  # Stripe cannot send a CSRF token; the signature authenticates the request.
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    try:
        event = webhook_event_verified(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except (ValueError, stripe.SignatureVerificationError):
        logger.warning("Stripe webhook with a bad payload or signature refused")
        return HttpResponseBadRequest("bad signature")
    try:
        stripe_event_handle(event=event)
    except PaymentNotSucceeded:
        # Stripe says succeeded in the event but not (yet) on the API: let it retry.
        return HttpResponse(status=409)
    return HttpResponse(status=200)
