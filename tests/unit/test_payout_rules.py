"""The commission, cents at Stripe's boundary, and what a Stripe account's state means."""

from decimal import Decimal

import pytest

from commerce.payment.commission import commission_for
from commerce.payment.connect import account_status_from_stripe
from commerce.payment.gateway import amount_from_cents, amount_in_cents


@pytest.mark.parametrize(
    ("sale", "percent", "fixed", "expected"),
    [
        ("18.00", "0", "0", "0.00"),  # the default: no commission
        ("18.00", "10", "0", "1.80"),
        ("12.45", "10", "0", "1.25"),  # 1.245 rounds half up
        ("12.44", "10", "0", "1.24"),
        ("0.05", "10", "0", "0.01"),  # 0.005 rounds half up, not to even
        ("7.15", "2.5", "0.30", "0.48"),  # 0.17875 → 0.18, plus the fixed part
        ("0.20", "0", "0.50", "0.20"),  # never more than the sale
        ("0.00", "10", "0.50", "0.00"),  # nothing on a cancelled sale
    ],
)
def test_the_commission_is_rounded_half_up_to_the_cent(sale, percent, fixed, expected):
    assert commission_for(
        sale=Decimal(sale), percent=Decimal(percent), fixed=Decimal(fixed)
    ) == Decimal(expected)


@pytest.mark.parametrize(
    ("amount", "cents"), [("12.40", 1240), ("0.005", 1), ("19.995", 2000), ("7.149", 715)]
)
def test_amounts_become_cents_only_at_stripes_boundary(amount, cents):
    assert amount_in_cents(Decimal(amount)) == cents


def test_cents_from_stripe_come_back_as_euros_to_the_cent():
    assert amount_from_cents(1240) == Decimal("12.40")


def test_an_account_with_transfers_active_and_nothing_due_is_enabled():
    status, missing = account_status_from_stripe(
        {
            "details_submitted": True,
            "payouts_enabled": True,
            "capabilities": {"transfers": "active"},
            "requirements": {"currently_due": []},
        }
    )
    assert (status, missing) == ("enabled", [])


def test_an_account_stripe_still_needs_information_from_is_restricted_with_the_list():
    status, missing = account_status_from_stripe(
        {
            "details_submitted": True,
            "payouts_enabled": False,
            "requirements": {
                "currently_due": ["external_account"],
                "past_due": ["tos_acceptance.date"],
            },
        }
    )
    assert (status, missing) == ("restricted", ["external_account", "tos_acceptance.date"])


def test_an_account_whose_forms_are_not_filled_in_is_pending():
    status, _ = account_status_from_stripe({"details_submitted": False})
    assert status == "pending"
