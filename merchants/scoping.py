"""Merchant scoping, in one place: which merchant a back-office user acts for.

Every merchant-facing query goes through `merchant_for_user` (or `scope_to_merchant`):
council staff (superusers and members of the staff groups) see every shop; a merchant
account sees only its own; anybody else sees nothing. An id taken from a URL is only ever
looked up inside the scoped queryset, so guessing another shop's id gives a 404.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from merchants.models import Merchant
from merchants.staff import STAFF_PERMISSION, user_is_council_staff

__all__ = ["STAFF_PERMISSION", "merchant_for_user", "scope_to_merchant", "user_is_council_staff"]


def merchant_for_user(user: AbstractBaseUser | AnonymousUser) -> Merchant | None:
    """The shop a merchant account manages (None for staff and for everybody else)."""
    if not user.is_authenticated or not user.is_active:
        return None
    return Merchant.objects.filter(users=user).select_related("partner", "commune").first()


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
