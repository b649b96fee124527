"""Personal data without an account: ask for a link by e-mail, then export or erase.

1. the shopper types an e-mail address; the page always answers the same;
2. if the marketplace holds data about it, a signed link valid 24 hours is e-mailed;
3. the link's page offers the JSON export and the erasure (confirmed by a checkbox).
"""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from merchants.views import client_ip
from orne_site.privacy import conf
from orne_site.privacy.forms import ErasureConfirmForm, PrivacyRequestForm
from orne_site.privacy.ratelimit import (
    privacy_request_allowed_for_client,
    privacy_request_allowed_for_email,
)
from orne_site.privacy.selectors import personal_data_export, personal_data_summary
from orne_site.privacy.services import personal_data_erase, privacy_request_send
from orne_site.privacy.tokens import email_normalise, privacy_token_read


@require_http_methods(["GET", "POST"])
def privacy_request(request: HttpRequest) -> HttpResponse:
    form = PrivacyRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not privacy_request_allowed_for_client(ip_address=client_ip(request)):
            form.add_error(
                None,
                _("Trop de demandes envoyées depuis votre connexion. Réessayez dans une heure."),
            )
            status = 429
        elif form.is_valid():
            email = email_normalise(form.cleaned_data["email"])
            # Past its daily quota an address gets no more mail, and the same answer.
            if privacy_request_allowed_for_email(email=email):
                privacy_request_send(
                    email=email,
                    link_for=lambda token: request.build_absolute_uri(
                        reverse("privacy:manage", kwargs={"token": token})
                    ),
                )
            return redirect("privacy:request_sent")
        else:
            status = 400
    return render(
        request,
        "privacy/request.html",
        {"form": form, "dpo_email": conf.dpo_email()},
        status=status,
    )


def privacy_request_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/request_sent.html", {"dpo_email": conf.dpo_email()})


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/invalid_link.html", status=400)


@never_cache
def privacy_manage(request: HttpRequest, token: str) -> HttpResponse:
    email = privacy_token_read(token=token)
    if email is None:
        return _invalid_link(request)
    return render(
        request,
        "privacy/manage.html",
        {
            "email": email,
            "token": token,
            "summary": personal_data_summary(email=email),
            "form": ErasureConfirmForm(),
            "dpo_email": conf.dpo_email(),
        },
    )


@never_cache
def privacy_export(request: HttpRequest, token: str) -> HttpResponse:
    email = privacy_token_read(token=token)
    if email is None:
        return _invalid_link(request)
    body = json.dumps(
        personal_data_export(email=email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_POST
def privacy_erase(request: HttpRequest, token: str) -> HttpResponse:
    email = privacy_token_read(token=token)
    if email is None:
        return _invalid_link(request)
    form = ErasureConfirmForm(request.POST)
    if not form.is_valid():
        context = {
            "email": email,
            "token": token,
            "summary": personal_data_summary(email=email),
            "form": form,
            "dpo_email": conf.dpo_email(),
        }
        return render(request, "privacy/manage.html", context, status=400)
    result = personal_data_erase(email=email)
    return render(request, "privacy/erased.html", {"result": result, "dpo_email": conf.dpo_email()})
