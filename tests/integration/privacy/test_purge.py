"""privacy_purge_inactive: the retention the privacy page promises, idempotent."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from commerce.order.models import Checkout, Order

pytestmark = pytest.mark.django_db


def test_purge_erases_an_inactive_account_and_leaves_a_recent_one(purchase, django_user_model):
    now = timezone.now()
    dormant = django_user_model.objects.create_user("dormant", "dormant@example.org", "x")
    dormant.last_login = now - timedelta(days=3 * 365 + 1)
    dormant.save()
    recent = django_user_model.objects.create_user("recent", "recent@example.org", "x")
    recent.last_login = now - timedelta(days=30)
    recent.save()
    purchase("dormant@example.org", user=dormant)

    call_command("privacy_purge_inactive")

    assert not django_user_model.objects.filter(username="dormant").exists()
    assert django_user_model.objects.filter(username="recent").exists()
    order = Order.objects.get()
    assert order.user is None and order.shipping_address.last_name == ""
    assert str(order.total_incl_tax) == "16.90"


def test_purge_keeps_inactive_staff_and_merchant_accounts(django_user_model, delivering_shop):
    old = timezone.now() - timedelta(days=4 * 365)
    staff = django_user_model.objects.create_user("agent", "agent@example.org", "x", is_staff=True)
    seller = django_user_model.objects.create_user("vendeur", "vendeur@example.org", "x")
    delivering_shop.users.add(seller)
    django_user_model.objects.filter(pk__in=[staff.pk, seller.pk]).update(last_login=old)

    call_command("privacy_purge_inactive")

    assert django_user_model.objects.filter(username__in=["agent", "vendeur"]).count() == 2


def test_purge_anonymises_old_guest_checkouts_only_and_twice_changes_nothing(purchase):
    old = purchase("ancien@example.org")
    Checkout.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1200))
    Order.objects.filter(checkout=old).update(date_placed=timezone.now() - timedelta(days=1200))
    new = purchase("nouveau@example.org")

    call_command("privacy_purge_inactive")
    call_command("privacy_purge_inactive")

    old.refresh_from_db()
    new.refresh_from_db()
    assert old.email == "" and old.shipping_address == {}
    assert old.orders.get().guest_email == "" and str(old.amount) == "16.90"
    assert new.email == "nouveau@example.org"
    assert new.orders.get().shipping_address.last_name == "Lefèvre"
