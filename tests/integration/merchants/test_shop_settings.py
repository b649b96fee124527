"""A merchant sets its fulfilment options and hours; staff-only fields stay out of reach."""

from decimal import Decimal

import pytest
from django.test import override_settings

from merchants.models import Commune, Intercommunality
from merchants.scoping import merchant_for_user

pytestmark = pytest.mark.django_db


def settings_form(shop, **overrides) -> dict:
    data = {
        "category": shop.category,
        "description": "Fromages fermiers.",
        "address": "1 rue du Pont",
        "phone": "02 33 00 00 00",
        "email": "contact@example.org",
        "offers_delivery": "on",
        "delivery_communes": [Commune.objects.get(insee_code="61002").pk],
        "delivery_intercommunalities": [Intercommunality.objects.get(name="CU d'Alençon").pk],
        "delivery_fee": "4,90",
        "free_delivery_threshold": "50,00",
        "delivery_lead_days": "2",
        "offers_click_collect": "on",
        "pickup_address": "",
        "preparation_minutes": "90",
        "low_stock_threshold": "5",
        "opening_periods-TOTAL_FORMS": "2",
        "opening_periods-INITIAL_FORMS": "0",
        "opening_periods-MIN_NUM_FORMS": "0",
        "opening_periods-MAX_NUM_FORMS": "1000",
        "opening_periods-0-weekday": "1",
        "opening_periods-0-opens_at": "09:00",
        "opening_periods-0-closes_at": "12:30",
        "opening_periods-0-ORDER": "1",
        "opening_periods-1-weekday": "1",
        "opening_periods-1-opens_at": "14:00",
        "opening_periods-1-closes_at": "19:00",
        "opening_periods-1-ORDER": "2",
        # Staff-only fields a merchant might try to send anyway:
        "name": "Nom piraté",
        "is_active": "",
        "siret": "00000000000000",
    }
    data.update(overrides)
    return data


def test_merchant_sets_delivery_pickup_and_hours(client, onboard):
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())

    response = client.post(f"/admin/boutiques/edit/{shop.pk}/", settings_form(shop))

    assert response.status_code == 302, response.content.decode()[:2000]
    shop.refresh_from_db()
    assert shop.delivery_fee == Decimal("4.90")
    assert shop.free_delivery_threshold == Decimal("50.00")
    assert shop.preparation_minutes == 90
    assert shop.low_stock_threshold == 5
    assert [str(period) for period in shop.opening_periods.all()] == [
        "mardi 09:00–12:30",
        "mardi 14:00–19:00",
    ]
    assert shop.delivery_intercommunalities.get().name == "CU d'Alençon"
    # Fields kept for council staff were not changed by the merchant.
    assert shop.name == "Fromagerie Hébert" and shop.is_active and shop.siret == ""
    assert merchant_for_user(shop.users.get()) == shop


def test_an_opening_period_closing_before_it_opens_is_refused(client, onboard):
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())

    response = client.post(
        f"/admin/boutiques/edit/{shop.pk}/",
        settings_form(
            shop, **{"opening_periods-1-closes_at": "13:00", "opening_periods-1-opens_at": "18:00"}
        ),
    )

    assert response.status_code == 200
    assert not shop.opening_periods.exists()


@override_settings(MERCHANT_PAGES_MODERATED=True)
def test_with_moderation_merchants_edit_but_cannot_publish_their_page(onboard):
    shop = onboard("Boutique Modérée")
    permissions = shop.page.permissions_for_user(shop.users.get())
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_without_moderation_merchants_publish_their_page(onboard):
    shop = onboard("Boutique Libre")
    assert shop.page.permissions_for_user(shop.users.get()).can_publish()
