"""'Paiements' in the back office, and the account.updated webhook behind its status.

Onboarding requests go to stripe-mock (it answers with its own Account Link URL); the
webhooks are signed with the test secret, as Stripe signs them.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from commerce.payment.models import PayoutAccount, ShopPayout, StripeEvent
from tests.payments import event_payload, post_webhook

pytestmark = pytest.mark.django_db
Status = PayoutAccount.Status


def account_event(account_id: str, event_id: str, **fields) -> bytes:
    account = {"id": account_id, "object": "account", **fields}
    return event_payload("account.updated", {"object": account}, event_id)


ENABLED = {
    "details_submitted": True,
    "payouts_enabled": True,
    "capabilities": {"transfers": "active"},
    "requirements": {"currently_due": [], "past_due": []},
}


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("tresorerie", "t@example.org", "x-61-secret")


def test_a_merchant_connects_its_payout_account_through_stripe_onboarding(client, paid_three_shops):
    _, shops = paid_three_shops
    cheese = shops[0][0]
    client.force_login(cheese.users.get())

    page = client.get(reverse("merchant_payments"))
    assert "Pas commencé" in page.content.decode()
    assert "Configurer mes versements" in page.content.decode()
    response = client.post(reverse("merchant_payments_connect"))

    assert response.status_code == 302
    assert response["Location"].startswith("https://")  # Stripe's onboarding
    account = PayoutAccount.objects.get(partner=cheese.partner)
    assert account.stripe_account_id.startswith("acct_")
    assert account.status == Status.PENDING
    # Back from Stripe (or an expired link): the status is read again, a new link made.
    assert client.get(reverse("merchant_payments_return")).status_code == 302
    assert client.get(reverse("merchant_payments_refresh"))["Location"].startswith("https://")


def test_account_updated_webhooks_keep_the_status_once_per_event(
    client, paid_three_shops, django_capture_on_commit_callbacks
):
    _, shops = paid_three_shops
    cheese = shops[0][0]
    PayoutAccount.objects.create(partner=cheese.partner, stripe_account_id="acct_cheese")
    restricted = account_event(
        "acct_cheese",
        "evt_acct_1",
        details_submitted=True,
        requirements={"currently_due": ["external_account"], "disabled_reason": "x"},
    )

    assert post_webhook(client, restricted).status_code == 200
    account = PayoutAccount.objects.get(partner=cheese.partner)
    assert (account.status, account.requirements) == (Status.RESTRICTED, ["external_account"])

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            post_webhook(client, account_event("acct_cheese", "evt_acct_2", **ENABLED)).status_code
            == 200
        )
        # The first event again (Stripe retries): already handled, the status stays.
        assert post_webhook(client, restricted).status_code == 200
    account.refresh_from_db()
    assert account.status == Status.ENABLED
    assert StripeEvent.objects.filter(type="account.updated").count() == 2


def test_what_stripe_still_needs_is_said_in_french(client, paid_three_shops):
    cheese = paid_three_shops[1][0][0]
    PayoutAccount.objects.create(
        partner=cheese.partner,
        stripe_account_id="acct_cheese",
        status=Status.RESTRICTED,
        requirements=["external_account", "individual.dob.day", "future_field"],
    )
    client.force_login(cheese.users.get())

    page = client.get(reverse("merchant_payments")).content.decode()

    assert "le compte bancaire (IBAN) qui recevra les versements" in page
    assert "votre identité (nom, date de naissance, adresse)" in page
    assert "une autre information (future_field)" in page
    assert "external_account" not in page


def test_a_forged_account_event_is_refused(client, paid_three_shops):
    shop = paid_three_shops[1][0][0]
    PayoutAccount.objects.create(partner=shop.partner, stripe_account_id="acct_x")
    payload = account_event("acct_x", "evt_forged", **ENABLED)

    response = post_webhook(client, payload, signature="t=1,v1=deadbeef")

    assert response.status_code == 400
    assert PayoutAccount.objects.get(partner=shop.partner).status == Status.NOT_STARTED


def test_a_merchant_sees_only_its_own_payments(client, paid_three_shops):
    _, shops = paid_three_shops
    (cheese, cheese_order), (_, book_order), _ = shops
    client.force_login(cheese.users.get())

    html = client.get(reverse("merchant_payments")).content.decode()

    assert cheese_order.number in html
    assert book_order.number not in html
    assert "12,40\u202f€" in html
    assert "None" not in html and "True" not in html


def test_staff_reconcile_every_shop_over_a_period_and_export_it(
    client, staff, paid_three_shops, django_assert_max_num_queries
):
    checkout, shops = paid_three_shops
    ShopPayout.objects.filter(order=shops[0][1]).update(
        state=ShopPayout.State.TRANSFERRED, transferred=Decimal("12.40")
    )
    client.force_login(staff)
    day = checkout.created_at.date().isoformat()

    with django_assert_max_num_queries(20):
        page = client.get(reverse("merchant_payments"), {"du": day, "au": day})
    html = page.content.decode()
    for shop, _ in shops:
        assert shop.name in html
    exported = client.get(reverse("merchant_payments"), {"du": day, "au": day, "format": "csv"})
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))

    assert rows[0][:5] == ["Boutique", "SIRET", "Compte de versement", "Commandes", "Ventes TTC"]
    by_shop = {row[0]: row for row in rows[1:]}
    assert by_shop["Fromagerie Hébert"][3:] == [
        "1",
        "12,40",
        "0,00",
        "0,00",
        "12,40",
        "0,00",
        "0,00",
    ]
    assert by_shop["Librairie du Passage"][3:] == [
        "1",
        "18,00",
        "0,00",
        "0,00",
        "0,00",
        "18,00",
        "0,00",
    ]


def test_a_period_ending_before_it_starts_is_refused_in_french(client, staff, db):
    client.force_login(staff)

    page = client.get(reverse("merchant_payments"), {"du": "2026-12-02", "au": "2026-12-01"})

    assert "La date de début doit précéder la date de fin." in page.content.decode()


def test_someone_without_a_shop_gets_no_payments_page(client, django_user_model, db):
    nobody = django_user_model.objects.create_user("nobody", "n@example.org", "x-61-secret")
    client.force_login(nobody)

    assert client.get(reverse("merchant_payments")).status_code in (302, 403)
    assert client.post(reverse("merchant_payments_connect")).status_code in (302, 403)


def test_staff_export_the_yearly_dac7_seller_report_by_quarter(client, staff, paid_three_shops):
    checkout, shops = paid_three_shops
    cheese = shops[0][0]
    cheese.siret = "73282932000074"
    cheese.save()
    ShopPayout.objects.filter(order=shops[2][1]).update(refunded=Decimal("7.15"))
    client.force_login(staff)
    placed = checkout.created_at

    exported = client.get(reverse("merchant_payments_dac7"), {"annee": placed.year})

    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig")), delimiter=";"))
    by_shop = {row[0]: row for row in rows[1:]}
    quarter = (placed.month - 1) // 3
    columns = slice(5 + 3 * quarter, 8 + 3 * quarter)
    assert by_shop["Fromagerie Hébert"][2:4] == ["732829320", "73282932000074"]
    assert by_shop["Fromagerie Hébert"][columns] == ["1", "12,40", "0,00"]
    assert by_shop["Cidrerie du Bocage"][columns] == ["0", "0,00", "0,00"]  # refunded in full


def test_staff_export_the_reconciliation_as_xlsx_with_amounts_as_numbers(
    client, staff, paid_three_shops
):
    checkout, _ = paid_three_shops
    client.force_login(staff)
    day = checkout.created_at.date().isoformat()

    exported = client.get(reverse("merchant_payments"), {"du": day, "au": day, "format": "xlsx"})

    assert exported["Content-Disposition"].endswith(f'paiements_{day}_{day}.xlsx"')
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Boutique", "SIRET", "Compte de versement", "Commandes", "Ventes TTC")
    by_shop = {row[0]: row for row in rows[1:]}
    assert by_shop["Fromagerie Hébert"][3:5] == (1, 12.4)
    assert by_shop["Librairie du Passage"][4] == 18


def test_the_dac7_report_is_for_staff_only(client, paid_three_shops):
    client.force_login(paid_three_shops[1][0][0].users.get())

    response = client.get(reverse("merchant_payments_dac7"))

    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert response.status_code in (302, 403)
    assert "text/csv" not in response.get("Content-Type", "")
