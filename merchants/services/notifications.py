"""E-mails to merchants. Sent after commit, so a rolled-back decision sends nothing."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from merchants import conf


def one_line(text: str) -> str:
    """What may go into an e-mail header: line breaks and other control characters removed."""
    return " ".join("".join(c if c.isprintable() else " " for c in text or "").split())


def _absolute(path: str) -> str:
    return conf.site_base_url() + path


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
        "site_name": conf.site_name(),
        "password_url": password_setting_url(user),
        "admin_url": _absolute(reverse("wagtailadmin_home")),
    }
    send_mail(
        subject=_("Votre boutique %(name)s est acceptée") % {"name": one_line(merchant.name)},
        message=render_to_string("merchants/emails/welcome.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


def send_application_rejected(*, application) -> None:
    send_mail(
        subject=_("Votre demande d'inscription : %(name)s")
        % {"name": one_line(application.shop_name)},
        message=render_to_string(
            "merchants/emails/rejected.txt",
            {"application": application, "site_name": conf.site_name()},
        ),
        from_email=None,
        recipient_list=[application.email],
    )


def email_change_confirmation_url(token: str) -> str:
    return _absolute(reverse("merchants_email_change_confirm", kwargs={"token": token}))


def send_email_change_confirmation(*, user, new_email: str, token: str) -> None:
    """To the new address only: whoever reads it proves they own it by opening the link."""
    send_mail(
        subject=_("Confirmez votre nouvelle adresse e-mail · %(site)s")
        % {"site": one_line(conf.site_name())},
        message=render_to_string(
            "merchants/emails/email_change_confirm.txt",
            {
                "site_name": conf.site_name(),
                "confirm_url": email_change_confirmation_url(token),
                "new_email": new_email,
            },
        ),
        from_email=None,
        recipient_list=[new_email],
    )


def send_email_changed(*, user, old_email: str, new_email: str) -> None:
    """To the old address: if nobody there asked for it, they know whom to call."""
    send_mail(
        subject=_("L'adresse e-mail de votre compte a changé · %(site)s")
        % {"site": one_line(conf.site_name())},
        message=render_to_string(
            "merchants/emails/email_changed.txt",
            {"site_name": conf.site_name(), "old_email": old_email, "new_email": new_email},
        ),
        from_email=None,
        recipient_list=[old_email],
    )


def council_staff_emails() -> list[str]:
    """Who is told of a new application: active superusers and holders of manage_merchants."""
    holds = Q(codename="manage_merchants", content_type__app_label="merchants")
    permission = Permission.objects.filter(holds)
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
        )
        .exclude(email="")
        .distinct()
    )
    return sorted({user.email for user in users})


def send_application_received(*, application) -> None:
    """Two e-mails: the staff who decide are told, the applicant gets an acknowledgement."""
    context = {
        "application": application,
        "site_name": conf.site_name(),
        "decide_url": _absolute(reverse("merchant_applications:decide", args=[application.pk])),
    }
    name = one_line(application.shop_name)
    if recipients := council_staff_emails():
        send_mail(
            subject=_("Nouvelle demande d'inscription : %(name)s") % {"name": name},
            message=render_to_string("merchants/emails/application_staff.txt", context),
            from_email=None,
            recipient_list=recipients,
        )
    send_mail(
        subject=_("Votre demande d'inscription est bien reçue : %(name)s") % {"name": name},
        message=render_to_string("merchants/emails/application_received.txt", context),
        from_email=None,
        recipient_list=[application.email],
    )
