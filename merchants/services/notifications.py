"""E-mails to merchants. Sent after commit, so a rolled-back decision sends nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def password_setting_url(user) -> str:
    """A one-time link to Wagtail's own password reset form, valid for PASSWORD_RESET_TIMEOUT."""
    return _absolute(
        reverse(
            "wagtailadmin_password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )


def send_merchant_welcome(*, merchant, user) -> None:
    context = {
        "merchant": merchant,
        "site_name": settings.SITE_NAME,
        "password_url": password_setting_url(user),
        "admin_url": _absolute(reverse("wagtailadmin_home")),
    }
    send_mail(
        subject=_("Votre boutique %(name)s est acceptée") % {"name": merchant.name},
        message=render_to_string("merchants/emails/welcome.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


def send_application_rejected(*, application) -> None:
    send_mail(
        subject=_("Votre demande d'inscription : %(name)s") % {"name": application.shop_name},
        message=render_to_string(
            "merchants/emails/rejected.txt",
            {"application": application, "site_name": settings.SITE_NAME},
        ),
        from_email=None,
        recipient_list=[application.email],
    )
