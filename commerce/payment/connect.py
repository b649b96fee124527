"""Shops' Stripe Connect Express accounts: onboarding links and the status Stripe reports.

A shop connects its payout account in three steps:
1. payout_account_onboarding_url: the shop's Express account is created once (idempotency
   key per shop), then a fresh Account Link sends the merchant through Stripe's forms;
2. Stripe sends the merchant back to the return URL (payout_account_refresh reads the
   account) or, if the link expired, to the refresh URL (which asks for a new link);
3. account.updated webhooks (commerce.payment.webhooks) call payout_account_apply, which
   keeps the status true; an account that becomes enabled releases the shop's held payouts.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from commerce.payment.gateway import stripe_connect_client
from commerce.payment.payout_models import PayoutAccount
from commerce.payment.payouts import partner_payouts_release

Status = PayoutAccount.Status


def payout_account_for_partner(*, partner) -> PayoutAccount:
    account, _created = PayoutAccount.objects.get_or_create(partner=partner)
    return account


def payout_account_onboarding_url(*, partner, email: str, refresh_url: str, return_url: str) -> str:
    """The Stripe onboarding address for this shop, creating its Express account if needed."""
    payout_account_for_partner(partner=partner)
    client = stripe_connect_client()
    with transaction.atomic():
        account = PayoutAccount.objects.select_for_update().get(partner=partner)
        if not account.stripe_account_id:
            params = {
                "type": "express",
                "country": "FR",
                "capabilities": {"transfers": {"requested": True}},
                "metadata": {"orne_partner": str(partner.pk)},
            }
            if email:
                params["email"] = email
            created = client.v1.accounts.create(
                params=params, options={"idempotency_key": f"connect-account-{partner.pk}"}
            )
            account.stripe_account_id = created.id
            account.status = Status.PENDING
            account.save(update_fields=["stripe_account_id", "status", "updated_at"])
    link = client.v1.account_links.create(
        params={
            "account": account.stripe_account_id,
            "refresh_url": refresh_url,
            "return_url": return_url,
            "type": "account_onboarding",
        }
    )
    return link.url


def payout_account_refresh(*, account: PayoutAccount) -> PayoutAccount:
    """Read the account from Stripe (the merchant is back from onboarding)."""
    if not account.stripe_account_id:
        return account
    data = stripe_connect_client().v1.accounts.retrieve(account.stripe_account_id).to_dict()
    data["id"] = account.stripe_account_id
    return payout_account_apply(account_data=data) or account


def account_status_from_stripe(data: dict) -> tuple[str, list[str]]:
    """The payout status a Stripe account object means, and what Stripe still needs."""
    requirements = data.get("requirements") or {}
    missing = sorted(
        {*(requirements.get("currently_due") or []), *(requirements.get("past_due") or [])}
    )
    transfers = (data.get("capabilities") or {}).get("transfers")
    if data.get("payouts_enabled") and transfers == "active" and not missing:
        return Status.ENABLED, []
    if not data.get("details_submitted"):
        return Status.PENDING, missing
    if missing or requirements.get("disabled_reason"):
        return Status.RESTRICTED, missing
    return Status.PENDING, missing


def payout_account_apply(*, account_data: dict) -> PayoutAccount | None:
    """Record what Stripe says of an account; None if it is no shop's."""
    account_id = str(account_data.get("id") or "")
    if not account_id:
        return None
    status, missing = account_status_from_stripe(account_data)
    with transaction.atomic():
        account = (
            PayoutAccount.objects.select_for_update().filter(stripe_account_id=account_id).first()
        )
        if account is None:
            return None
        became_enabled = status == Status.ENABLED and account.status != Status.ENABLED
        account.status = status
        account.requirements = missing
        account.save(update_fields=["status", "requirements", "updated_at"])
        if became_enabled:
            partner_id = account.partner_id
            transaction.on_commit(lambda: _held_payouts_release(partner_id=partner_id))
    return account


def _held_payouts_release(*, partner_id: int) -> None:
    partner_payouts_release(partner_id=partner_id)


# What Stripe asks of a shop, in its words: the field paths of the account's
# ``requirements`` (Stripe's documented Express requirements). A path not listed is named by
# its group ("individual.", "company.", …) or shown as Stripe's code.
REQUIREMENT_LABELS = {
    "external_account": _("le compte bancaire (IBAN) qui recevra les versements"),
    "business_type": _("le type d'entreprise"),
    "business_profile.url": _("le site web ou la page de la boutique"),
    "business_profile.mcc": _("le secteur d'activité"),
    "business_profile.product_description": _("la description de ce que vous vendez"),
    "tos_acceptance.date": _("l'acceptation des conditions de Stripe"),
    "tos_acceptance.ip": _("l'acceptation des conditions de Stripe"),
    "representative.verification.document": _("une pièce d'identité du représentant"),
    "individual.verification.document": _("une pièce d'identité"),
}
REQUIREMENT_GROUPS = {
    "individual.": _("votre identité (nom, date de naissance, adresse)"),
    "representative.": _("l'identité du représentant légal"),
    "company.": _("les informations de l'entreprise (SIRET, adresse)"),
    "owners.": _("les propriétaires de l'entreprise"),
    "directors.": _("les dirigeants de l'entreprise"),
    "person_": _("une personne liée à l'entreprise"),
}


def requirement_label(code: str) -> str:
    if code in REQUIREMENT_LABELS:
        return str(REQUIREMENT_LABELS[code])
    for prefix, label in REQUIREMENT_GROUPS.items():
        if code.startswith(prefix):
            return str(label)
    return gettext("une autre information (%(code)s)") % {"code": code}
