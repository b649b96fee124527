"""Bringing a shop onto the marketplace: sign-up, approval or rejection, staff creation.

`merchant_onboard` is the one path that creates a shop, whoever starts it (an approved
sign-up, staff's "create a shop" form, the `create_merchant` command):
0. everything is validated first (one-line names, e-mail, no account on that e-mail), so a
   refusal creates nothing and an accepted shop always gets its e-mail;
1. a new user account (login = e-mail), without a usable password unless given;
2. its Oscar partner (the seller of its stock records);
3. the Merchant, with the sales modes asked for;
4. its image collection and its `MerchantPage` under the "Commerçants" index, live or draft;
5. its permission group (admin access, its products, its page, its images);
6. after commit, an e-mail with a link to choose a password.

The account rule: a shop is only ever given a *new* account. When an account already has
the e-mail (any case), onboarding refuses instead of attaching the shop to it: nothing proves
that whoever holds that account owns the address (it may have been typed in a profile), and
the welcome link would hand them the shop and its password. Staff then ask the applicant for
another address; a superuser may add an existing, checked account to a shop by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from oscar.core.loading import get_model
from wagtail.models import Collection, Locale, Site

from merchants.models import (
    Commune,
    Merchant,
    MerchantApplication,
    MerchantCategory,
    MerchantIndexPage,
    MerchantPage,
    SalesMode,
)
from merchants.scoping import merchant_for_user_forget
from merchants.services.notifications import (
    send_application_rejected,
    send_merchant_welcome,
)
from merchants.services.permissions import merchant_group_grant
from merchants.validators import validate_no_control_characters, validate_single_line

Partner = get_model("partner", "Partner")


class OnboardingError(Exception):
    """A decision that cannot be taken (e.g. approving a rejected application)."""


@dataclass(frozen=True)
class ShopDetails:
    name: str
    commune: Commune
    email: str
    category: str = MerchantCategory.ALIMENTATION
    legal_name: str = ""
    siret: str = ""
    address: str = ""
    phone: str = ""
    description: str = ""
    sales_mode: str = SalesMode.BOTH


def _unique_slug(name: str, commune: Commune) -> str:
    base = slugify(f"{name} {commune.name}")[:180] or "boutique"
    slug, counter = base, 2
    while Merchant.objects.filter(slug=slug).exists() or Partner.objects.filter(code=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def merchant_index_page_get_or_create() -> MerchantIndexPage:
    index = MerchantIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        # Under the default site's home page, wherever the site's tree puts it (the app may
        # plug into a Wagtail site whose home is not the first page below the root).
        home = Site.objects.get(is_default_site=True).root_page.localized.specific
        index = home.add_child(
            instance=MerchantIndexPage(
                title=_("Commerçants"), slug="commercants", locale=Locale.get_default()
            )
        )
    return index


def account_exists_for_email(email: str) -> bool:
    """Whether any account already uses this e-mail, as its address or as its login."""
    User = get_user_model()
    return User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists()


def shop_details_validate(details: ShopDetails) -> None:
    """Refuse, before anything is created, what would break the shop or its e-mails."""
    try:
        for value in (details.name, details.legal_name, details.address, details.phone):
            validate_single_line(value)
        validate_no_control_characters(details.description)
        validate_email(details.email)
    except ValidationError as error:
        raise OnboardingError(" ".join(error.messages)) from error
    if not details.name.strip():
        raise OnboardingError(_("La boutique doit avoir un nom."))
    if account_exists_for_email(details.email):
        raise OnboardingError(
            _(
                "Un compte existe déjà avec l'adresse %(email)s : la boutique ne peut pas lui "
                "être rattachée sans preuve que cette adresse appartient au commerçant. "
                "Demandez-lui une autre adresse e-mail."
            )
            % {"email": details.email}
        )


def _merchant_user_create(*, email: str, password: str | None):
    User = get_user_model()
    user = User(username=email.lower()[:150], email=email.lower())
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


@transaction.atomic
def merchant_onboard(
    *,
    details: ShopDetails,
    publish_page: bool = True,
    password: str | None = None,
    notify: bool = True,
) -> Merchant:
    shop_details_validate(details)
    user = _merchant_user_create(email=details.email, password=password)
    slug = _unique_slug(details.name, details.commune)
    partner = Partner.objects.create(code=slug, name=details.name)
    merchant = Merchant.objects.create(
        name=details.name,
        slug=slug,
        partner=partner,
        commune=details.commune,
        category=details.category,
        legal_name=details.legal_name,
        siret=details.siret,
        address=details.address,
        phone=details.phone,
        email=details.email,
        description=details.description,
        offers_delivery=details.sales_mode in (SalesMode.DELIVERY, SalesMode.BOTH),
        offers_click_collect=details.sales_mode in (SalesMode.CLICK_COLLECT, SalesMode.BOTH),
    )
    merchant.users.add(user)
    merchant_for_user_forget(user)  # the account may have been asked before, as nobody's
    collection = Collection.get_first_root_node().add_child(name=f"Boutique · {details.name}")
    page = merchant_index_page_get_or_create().add_child(
        instance=MerchantPage(title=details.name, slug=slug[:255], merchant=merchant, live=False)
    )
    revision = page.save_revision()
    if publish_page:
        revision.publish()
    group = Group.objects.create(name=f"Boutique · {details.name} ({slug})"[:150])
    merchant_group_grant(group=group, page=page, collection=collection)
    user.groups.add(group)
    merchant.group = group
    merchant.save(update_fields=["group"])
    if notify:
        transaction.on_commit(lambda: send_merchant_welcome(merchant=merchant, user=user))
    return merchant


@transaction.atomic
def merchant_application_approve(
    *, application_id: int, decided_by, publish_page: bool = True
) -> Merchant:
    """Approve once: approving an approved application returns its shop, creating nothing."""
    application = MerchantApplication.objects.select_for_update().get(pk=application_id)
    if application.status == MerchantApplication.Status.APPROVED and application.merchant:
        return application.merchant
    if application.status == MerchantApplication.Status.REJECTED:
        raise OnboardingError(_("Cette demande a été refusée : elle ne peut plus être acceptée."))
    if application.siret and Merchant.objects.filter(siret=application.siret).exists():
        raise OnboardingError(
            _("Une boutique existe déjà avec le numéro SIRET %(siret)s.")
            % {"siret": application.siret}
        )
    merchant = merchant_onboard(
        details=ShopDetails(
            name=application.shop_name,
            commune=application.commune,
            email=application.email,
            category=application.category,
            legal_name=application.legal_name,
            siret=application.siret,
            address=application.address,
            phone=application.phone,
            description=application.description,
            sales_mode=application.sales_mode,
        ),
        publish_page=publish_page,
    )
    application.status = MerchantApplication.Status.APPROVED
    application.merchant = merchant
    application.decided_at = timezone.now()
    application.decided_by = decided_by
    application.save(update_fields=["status", "merchant", "decided_at", "decided_by"])
    return merchant


@transaction.atomic
def merchant_application_reject(
    *, application_id: int, decided_by, reason: str
) -> MerchantApplication:
    """Reject with a reason; the application stays on record."""
    application = MerchantApplication.objects.select_for_update().get(pk=application_id)
    if application.status != MerchantApplication.Status.PENDING:
        raise OnboardingError(_("Cette demande a déjà été traitée."))
    application.status = MerchantApplication.Status.REJECTED
    application.rejection_reason = reason
    application.decided_at = timezone.now()
    application.decided_by = decided_by
    application.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
    transaction.on_commit(lambda: send_application_rejected(application=application))
    return application
