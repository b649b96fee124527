"""Changing the e-mail of an admin account (a merchant's login) only once the new address confirms.

1. `user_email_change_request`: the account page asks for a new address; nothing changes yet.
   A signed link (user, new address, current address; valid EMAIL_CHANGE_LINK_MAX_AGE) is
   sent to the new address. An address another account uses gets no link, and the page
   says the same thing either way, so it never tells which addresses have accounts.
2. `user_email_change_confirm`: the link, opened while logged in as that same user, applies
   the change (the login follows when it was the e-mail) and tells the old address. The
   link is refused for another user, once expired, and once used (the current address it
   names is no longer the account's).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from merchants import conf
from merchants.services.notifications import send_email_change_confirmation, send_email_changed

EMAIL_CHANGE_SALT = "merchants.services.accounts.email_change"


class EmailChangeError(Exception):
    """A confirmation link that cannot be used; the message says why, in French."""


def _other_account_has_email(*, user, email: str) -> bool:
    others = get_user_model().objects.exclude(pk=user.pk)
    return others.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()


def email_change_token_make(*, user, new_email: str) -> str:
    return signing.dumps(
        {"user": user.pk, "new": new_email, "old": user.email or ""}, salt=EMAIL_CHANGE_SALT
    )


def user_email_change_request(*, user, new_email: str) -> None:
    """Send the new address its confirmation link (after commit); the account is unchanged."""
    new_email = new_email.strip()
    if not new_email or new_email.lower() == (user.email or "").lower():
        return
    if _other_account_has_email(user=user, email=new_email):
        return
    token = email_change_token_make(user=user, new_email=new_email)
    transaction.on_commit(
        lambda: send_email_change_confirmation(user=user, new_email=new_email, token=token)
    )


@transaction.atomic
def user_email_change_confirm(*, user, token: str) -> str:
    """Apply the change a link confirms; returns the new address or raises EmailChangeError."""
    max_age = conf.email_change_link_max_age()
    try:
        payload = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise EmailChangeError(
            _("Ce lien a expiré : demandez à nouveau le changement depuis votre compte.")
        ) from None
    except signing.BadSignature:
        raise EmailChangeError(_("Ce lien n'est pas valide.")) from None
    locked = get_user_model().objects.select_for_update().get(pk=user.pk)
    if payload["user"] != locked.pk:
        raise EmailChangeError(
            _("Ce lien a été envoyé pour un autre compte : connectez-vous avec celui-ci.")
        )
    if (locked.email or "") != payload["old"]:
        raise EmailChangeError(_("Ce lien a déjà servi ou l'adresse a changé depuis."))
    new_email = payload["new"]
    if _other_account_has_email(user=locked, email=new_email):
        raise EmailChangeError(_("Cette adresse ne peut pas être utilisée pour ce compte."))
    old_email = locked.email
    fields = ["email"]
    locked.email = new_email
    if old_email and locked.username.lower() == old_email.lower():
        locked.username = new_email.lower()[:150]
        fields.append("username")
    locked.save(update_fields=fields)
    user.email, user.username = locked.email, locked.username
    if old_email:
        transaction.on_commit(
            lambda: send_email_changed(user=locked, old_email=old_email, new_email=new_email)
        )
    return new_email
