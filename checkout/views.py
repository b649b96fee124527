"""Checkout pages: choices per shop, payment, return from payment, confirmation.

Thin: every rule is in checkout (plans, fulfilment, services) and
commerce.payment.services. The session remembers the shopper's commune, the pending
checkout and the checkouts this browser paid (to show their confirmation page).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from checkout import conf
from checkout.drafts import checkout_draft, checkout_draft_clear, checkout_draft_save
from checkout.follow import (
    checkout_follow_path,
    checkout_followed_orders,
    checkout_for_follow_token,
)
from checkout.forms import CheckoutForm, CommuneForm
from checkout.fulfilment import fulfilment_options
from checkout.plans import CheckoutNotPossible
from checkout.selectors import basket_groups_by_merchant, checkout_summary
from checkout.services import checkout_prepare
from commerce.order.fulfilment import FulfilmentMode
from commerce.order.models import Checkout
from commerce.order.plan import CheckoutPlan
from commerce.payment.services import (
    PaymentNotSucceeded,
    checkout_payment_confirm,
    checkout_payment_start,
    payment_succeeded,
)
from commerce.prices import price_text
from merchants.invoicing.downloads import document_pdf_response
from merchants.invoicing.selectors import document_for_checkout, documents_for_checkout
from merchants.models import Commune

SESSION_COMMUNE = "checkout_commune"
SESSION_CHECKOUT = "checkout_pending"
SESSION_PAID = "checkout_paid"


def _commune(request: HttpRequest) -> Commune | None:
    code = request.GET.get("commune") or request.session.get(SESSION_COMMUNE)
    commune = Commune.objects.filter(insee_code=code).select_related("intercommunality").first()
    if commune is not None:
        request.session[SESSION_COMMUNE] = commune.insee_code
    return commune


def _pending(request: HttpRequest) -> Checkout | None:
    pk = request.session.get(SESSION_CHECKOUT)
    return Checkout.objects.filter(pk=pk, status=Checkout.Status.PENDING).first() if pk else None


def _prepared_here(request: HttpRequest) -> Checkout | None:
    """The checkout this browser prepared last, whatever became of it (the webhook may have
    placed its orders before the browser came back)."""
    pk = request.session.get(SESSION_CHECKOUT)
    return Checkout.objects.filter(pk=pk).first() if pk else None


def _terms_of_sale_url() -> str:
    path = conf.terms_of_sale_url()
    return translate_url(path, get_language()) if path else ""


# Never cached: the browser's back button asks again, and the page comes back filled in
# from the draft rather than as the browser first saw it (empty).
@never_cache
@require_http_methods(["GET", "POST"])
def checkout_start(request: HttpRequest) -> HttpResponse:
    """The choices page. Steps: the commune (GET), then one post with every choice; what
    was typed is kept (checkout.drafts) so that coming back shows it again."""
    now = timezone.now()
    commune = _commune(request)
    groups = basket_groups_by_merchant(basket=request.basket)
    if not groups:
        messages.info(request, _("Votre panier est vide."))
        return redirect("basket:summary")
    options = {
        g.merchant.pk: fulfilment_options(
            merchant=g.merchant, commune=commune, subtotal_incl_tax=g.subtotal_incl_tax, now=now
        )
        for g in groups
    }
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    initial.update(checkout_draft(session=request.session))
    form = CheckoutForm(
        request.POST or None, groups=groups, options=options, commune=commune, initial=initial
    )
    if request.method == "POST":
        checkout_draft_save(session=request.session, form=form)
    if request.method == "POST" and form.is_valid():
        try:
            checkout = checkout_prepare(
                basket=request.basket,
                choices=form.choices(),
                commune=commune,
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                name=form.customer_name(),
                user=request.user,
                shipping_address=form.shipping_address(),
                invoice_buyer=form.invoice_buyer(),
                now=now,
                pending=_pending(request),
            )
        except CheckoutNotPossible as refused:
            for message in refused.messages:
                form.add_error(None, message)
        else:
            request.session[SESSION_CHECKOUT] = checkout.pk
            return redirect("orne_checkout:payment")
    rows = [
        {
            "group": g,
            "options": options[g.merchant.pk],
            "mode": form[f"mode_{g.merchant.pk}"],
            "slot": form[f"slot_{g.merchant.pk}"],
        }
        for g in groups
    ]
    return render(
        request,
        "checkout/start.html",
        {
            "form": form,
            "rows": rows,
            "commune": commune,
            "commune_form": CommuneForm(initial={"commune": commune}),
            "mode_delivery": FulfilmentMode.DELIVERY.value,
            "terms_of_sale_url": _terms_of_sale_url(),
        },
    )


def checkout_payment(request: HttpRequest) -> HttpResponse:
    """The summary of what will be paid, and the card form."""
    checkout = _pending(request)
    if checkout is None:
        # Paid meanwhile (the webhook placed the orders): the return page shows them.
        prepared = _prepared_here(request)
        if prepared is not None and prepared.payment_intent_id:
            return redirect("orne_checkout:return")
        return redirect("orne_checkout:start")
    intent = checkout_payment_start(checkout=checkout)
    plan = CheckoutPlan.from_json(checkout.plan)
    return render(
        request,
        "checkout/payment.html",
        {
            "checkout": checkout,
            "plan": plan,
            "summary": checkout_summary(plan=plan),
            "client_secret": intent.client_secret,
            "stripe_publishable_key": conf.stripe_publishable_key(),
            "stripe_js_url": conf.stripe_js_url(),
            "terms_of_sale_url": _terms_of_sale_url(),
        },
    )


@require_POST
def checkout_pay(request: HttpRequest) -> JsonResponse:
    """The browser posts its card token; any amount or price it sends is not read."""
    checkout = _pending(request)
    if checkout is None:
        return JsonResponse({"status": "failed", "message": _("Ce paiement a expiré.")}, status=409)
    try:
        token = json.loads(request.body or b"{}").get("token", "")
    except (ValueError, AttributeError):
        token = ""
    if not token:
        return JsonResponse(
            {"status": "failed", "message": _("Vérifiez les informations de votre carte.")},
            status=400,
        )
    outcome = checkout_payment_confirm(checkout=checkout, card_token=str(token))
    return JsonResponse(
        {
            "status": outcome.status,
            "client_secret": outcome.client_secret,
            "message": outcome.message,
        }
    )


def checkout_return(request: HttpRequest) -> HttpResponse:
    """The browser comes back after Stripe said succeeded: place the orders (once)."""
    checkout = _prepared_here(request) or _paid_by_this_browser(request)
    if checkout is None or not checkout.payment_intent_id:
        return redirect("orne_checkout:start")
    try:
        result = payment_succeeded(payment_intent_id=checkout.payment_intent_id)
    except PaymentNotSucceeded:
        messages.error(request, _("Le paiement n'a pas abouti. Votre panier est conservé."))
        return redirect("orne_checkout:payment")
    if result.checkout.status == Checkout.Status.FAILED:
        # Refunded in full, no order (amount changed during payment, or placement failed).
        request.session.pop(SESSION_CHECKOUT, None)
        messages.error(
            request,
            _(
                "Votre commande n'a pas pu être enregistrée : le paiement de %(amount)s "
                "vous est intégralement remboursé. Votre panier est conservé, réessayez."
            )
            % {"amount": price_text(result.checkout.refunded_amount)},
        )
        return redirect("basket:summary")
    paid = set(request.session.get(SESSION_PAID, []))
    paid.add(result.checkout.number)
    request.session[SESSION_PAID] = sorted(paid)
    request.session.pop(SESSION_CHECKOUT, None)
    checkout_draft_clear(session=request.session)
    return redirect("orne_checkout:confirmation", number=result.checkout.number)


def _paid_by_this_browser(request: HttpRequest) -> Checkout | None:
    numbers = request.session.get(SESSION_PAID, [])
    return Checkout.objects.filter(number__in=numbers).order_by("-created_at").first()


def checkout_confirmation(request: HttpRequest, number: str) -> HttpResponse:
    """Each merchant's order of one paid basket; only for the browser or account that paid."""
    checkout = Checkout.objects.filter(number=number).first()
    owns = checkout is not None and (
        number in request.session.get(SESSION_PAID, [])
        or (request.user.is_authenticated and checkout.user_id == request.user.pk)
    )
    if not owns:
        raise Http404
    rows = checkout_followed_orders(checkout=checkout)
    return render(
        request,
        "checkout/confirmation.html",
        {
            "checkout": checkout,
            "rows": rows,
            "orders": [row.order for row in rows],
            "follow_path": checkout_follow_path(checkout=checkout),
        },
    )


def checkout_follow(request: HttpRequest, token: str) -> HttpResponse:
    """A paid checkout's orders for whoever holds its signed link (sent by e-mail)."""
    checkout = checkout_for_follow_token(token=token)
    if checkout is None:
        raise Http404
    return render(
        request,
        "checkout/follow.html",
        {
            "checkout": checkout,
            "rows": checkout_followed_orders(checkout=checkout),
            "documents": documents_for_checkout(checkout=checkout),
            "token": token,
        },
    )


def checkout_follow_document(request: HttpRequest, token: str, number: str) -> HttpResponse:
    """An invoice or credit note of the signed checkout's orders, as its PDF."""
    checkout = checkout_for_follow_token(token=token)
    document = checkout and document_for_checkout(checkout=checkout, number=number)
    if not document:
        raise Http404
    return document_pdf_response(document)
