"""Council staff suspend a shop (nothing of it is for sale) and reactivate it.

`Merchant.is_active` is the one flag: merchants.strategy refuses its articles in baskets and
at checkout, its page answers 404, and saving the shop re-indexes its articles (search
signals) so search stops listing them. Its orders already placed stay in its back office
and are still prepared, handed over or cancelled as usual.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from merchants.audit import MERCHANT_REACTIVATED, MERCHANT_SUSPENDED
from merchants.models import Merchant


def merchant_set_active(*, merchant_id: int, active: bool, by) -> Merchant:
    """Suspend (``active=False``) or reactivate; recorded in the shop's history."""
    with transaction.atomic():
        merchant = Merchant.objects.select_for_update().get(pk=merchant_id)
        if merchant.is_active == active:
            return merchant
        merchant.is_active = active
        merchant.save(update_fields=["is_active"])
        log(
            instance=merchant,
            action=MERCHANT_REACTIVATED if active else MERCHANT_SUSPENDED,
            user=by,
        )
    return merchant
