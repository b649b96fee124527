"""Public views of the marketplace layer: thin, they call services."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from merchants.forms import MerchantApplicationForm
from merchants.models import MerchantApplication
from merchants.services.onboarding import merchant_application_submit


def client_ip(request) -> str | None:
    # Behind the council's reverse proxy the client is the first X-Forwarded-For entry.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR")


def signup_rate_limited(ip_address: str | None) -> bool:
    """At most MERCHANT_SIGNUPS_PER_HOUR applications per address and hour (spam guard)."""
    if not ip_address:
        return False
    since = timezone.now() - timedelta(hours=1)
    recent = MerchantApplication.objects.filter(submitted_from=ip_address, submitted_at__gte=since)
    return recent.count() >= getattr(settings, "MERCHANT_SIGNUPS_PER_HOUR", 5)


@require_http_methods(["GET", "POST"])
def merchant_signup(request):
    form = MerchantApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        ip_address = client_ip(request)
        if signup_rate_limited(ip_address):
            form.add_error(
                None,
                _("Trop de demandes envoyées depuis votre connexion. Réessayez dans une heure."),
            )
            status = 429
        elif form.is_valid():
            if not form.is_robot():
                merchant_application_submit(data=form.application_data(), ip_address=ip_address)
            return redirect("merchants:signup_done")
        else:
            status = 400
    return render(request, "merchants/signup.html", {"form": form}, status=status)


def merchant_signup_done(request):
    return render(request, "merchants/signup_done.html")
