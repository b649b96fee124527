"""Who counts as council staff in the back office: a rule on the user alone.

Kept apart from merchants.scoping (which queries shops) so that models and page permission
testers can use it without importing the models package they belong to.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

STAFF_PERMISSION = "merchants.manage_merchants"


def user_is_council_staff(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Council staff manage every shop: superusers and holders of `manage_merchants`."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(STAFF_PERMISSION))
