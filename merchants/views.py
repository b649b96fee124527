"""Public views of the marketplace layer: thin, they call services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_http_methods

from merchants import conf
from merchants.forms import MerchantApplicationForm
from merchants.services.signups import SignupRateLimited, merchant_application_submit

RATE_LIMITED = gettext_noop(
    "Trop de demandes envoyées depuis votre connexion. Réessayez dans une heure."
)


def client_ip(request) -> str | None:
    # Behind the council's reverse proxy the client is the first X-Forwarded-For entry.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and conf.trust_x_forwarded_for():
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")


def login_username(request, credentials: dict | None = None) -> str | None:
    """The login typed, as the lockout counts it: one account whatever the case or spaces."""
    username = (credentials or {}).get("username")
    if username is None:
        username = request.POST.get("username") or request.POST.get("login-username")
    return username.strip().lower() if username else None


@require_http_methods(["GET", "POST"])
def merchant_signup(request):
    form = MerchantApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if form.is_robot():
                return redirect("merchants:signup_done")
            try:
                merchant_application_submit(
                    data=form.application_data(), ip_address=client_ip(request)
                )
            except SignupRateLimited:
                form.add_error(None, _(RATE_LIMITED))
                status = 429
            except ValidationError as error:  # a duplicate stored since the form was checked
                form.add_error(None, error)
            else:
                return redirect("merchants:signup_done")
    return render(request, "merchants/signup.html", {"form": form}, status=status)


def merchant_signup_done(request):
    return render(request, "merchants/signup_done.html")
