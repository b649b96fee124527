"""Merchant scoping, in one place: which merchant a back-office user acts for.

Every merchant-facing query goes through `merchant_for_user` (or `scope_to_merchant`):
council staff (superusers and members of the staff groups) see every shop; a merchant
account sees only its own; anybody else sees nothing. An id taken from a URL is only ever
looked up inside the scoped queryset, so guessing another shop's id gives a 404.

`merchant_for_user` is asked several times per admin page (menu items, the home panels,
the view itself), so its answer is kept on the user object. Django builds a new user
object for every request, so the memo lives exactly one request; code that changes a
membership on a user object it keeps (onboarding, tests) calls `merchant_for_user_forget`.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from merchants.models import Merchant
from merchants.staff import STAFF_PERMISSION, user_is_council_staff

__all__ = [
    "STAFF_PERMISSION",
    "merchant_for_user",
    "merchant_for_user_forget",
    "scope_to_merchant",
    "user_is_council_staff",
]

_MEMO = "_orne_merchant_for_user"


def merchant_for_user(user: AbstractBaseUser | AnonymousUser) -> Merchant | None:
    """The shop a merchant account manages (None for staff and for everybody else)."""
    if not user.is_authenticated or not user.is_active:
        return None
    try:
        return getattr(user, _MEMO)
    except AttributeError:
        pass
    merchant = Merchant.objects.filter(users=user).select_related("partner", "commune").first()
    setattr(user, _MEMO, merchant)
    return merchant


def merchant_for_user_forget(user) -> None:
    """Drop the memo after the user's membership changed on this same object."""
    user.__dict__.pop(_MEMO, None)


def scope_to_merchant(queryset: QuerySet, *, user, merchant_path: str) -> QuerySet:
    """Restrict ``queryset`` to rows of the user's merchant; ``merchant_path`` leads to it.

    ``merchant_path`` is the ORM path from the queryset's model to Merchant, e.g.
    ``"stockrecords__partner__merchant"`` for products or ``""`` for Merchant itself.
    """
    if user_is_council_staff(user):
        return queryset
    merchant = merchant_for_user(user)
    if merchant is None:
        return queryset.none()
    lookup = f"{merchant_path}__pk" if merchant_path else "pk"
    return queryset.filter(**{lookup: merchant.pk}).distinct()
