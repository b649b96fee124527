"""Approval, rejection and staff-assisted creation of shops."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from oscar.core.loading import get_model
from wagtail.models import GroupPagePermission, Page, Site

from merchants.models import (
    Commune,
    Merchant,
    MerchantApplication,
    MerchantIndexPage,
    MerchantPage,
)
from merchants.services.onboarding import (
    OnboardingError,
    merchant_application_approve,
    merchant_application_reject,
)

pytestmark = pytest.mark.django_db
Partner = get_model("partner", "Partner")


@pytest.fixture
def application():
    return MerchantApplication.objects.create(
        shop_name="Cidrerie des Vergers",
        legal_name="EARL des Vergers",
        siret="73282932000074",
        category="cidrerie",
        commune=Commune.objects.get(insee_code="61071"),
        address="Le Bourg",
        phone="02 33 00 00 00",
        email="vergers@example.org",
        description="Cidre et pommeau.",
        sales_mode="click_collect",
    )


def test_approval_creates_account_partner_shop_page_and_permissions(
    application, council_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        merchant = merchant_application_approve(
            application_id=application.pk, decided_by=council_staff, publish_page=False
        )

    user = get_user_model().objects.get(email="vergers@example.org")
    assert not user.has_usable_password()
    assert list(merchant.users.all()) == [user]
    assert merchant.partner.name == "Cidrerie des Vergers"
    assert merchant.offers_click_collect and not merchant.offers_delivery
    page = MerchantPage.objects.get(merchant=merchant)
    assert not page.live  # staff chose a draft
    assert GroupPagePermission.objects.filter(group__user=user, page=page).exists()
    assert user.has_perm("catalogue.add_product") and user.has_perm("wagtailadmin.access_admin")
    application.refresh_from_db()
    assert application.status == "approved" and application.merchant == merchant
    assert len(mail.outbox) == 1
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


def test_approving_twice_creates_nothing_more(application, council_staff):
    first = merchant_application_approve(application_id=application.pk, decided_by=council_staff)
    second = merchant_application_approve(application_id=application.pk, decided_by=council_staff)

    assert first == second
    assert Merchant.objects.count() == 1
    assert Partner.objects.count() == 1
    assert MerchantPage.objects.count() == 1
    assert get_user_model().objects.filter(email="vergers@example.org").count() == 1


def test_rejection_keeps_the_application_and_mails_the_reason(
    application, council_staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        merchant_application_reject(
            application_id=application.pk,
            decided_by=council_staff,
            reason="Activité hors du département.",
        )

    application.refresh_from_db()
    assert application.status == "rejected"
    assert not Merchant.objects.exists()
    assert len(mail.outbox) == 1
    assert "Activité hors du département." in mail.outbox[0].body
    with pytest.raises(OnboardingError):
        merchant_application_approve(application_id=application.pk, decided_by=council_staff)


def test_staff_decide_in_the_admin(client, application, council_staff):
    client.force_login(council_staff)
    url = f"/admin/inscriptions/decide/{application.pk}/"

    assert client.get(url).status_code == 200
    missing_reason = client.post(url, {"decision": "reject", "reason": ""})
    assert "Indiquez le motif du refus" in missing_reason.content.decode()
    response = client.post(url, {"decision": "approve", "publish_page": "on"})

    assert response.status_code == 302
    assert Merchant.objects.get().page.live


def test_staff_create_a_shop_over_the_phone_in_the_admin(client, council_staff):
    client.force_login(council_staff)
    response = client.post(
        "/admin/boutiques/new/",
        {
            "name": "Librairie du Château",
            "commune": Commune.objects.get(insee_code="61006").pk,
            "email": "livres@example.org",
            "category": "librairie",
            "sales_mode": "both",
            "publish_page": "on",
        },
    )
    assert response.status_code == 302
    merchant = Merchant.objects.get(name="Librairie du Château")
    assert merchant.commune.name == "Argentan" and merchant.page.live


def test_create_merchant_command_prints_slug_and_back_office(capsys):
    call_command(
        "create_merchant",
        "--name",
        "Boulangerie Marie",
        "--commune",
        "61464",
        "--email",
        "marie@example.org",
        "--password",
        "pain-au-levain-61",
    )
    slug, admin_url = capsys.readouterr().out.split()
    merchant = Merchant.objects.get(slug=slug)
    assert merchant.commune.name == "Sées"
    assert admin_url.endswith("/admin/")
    assert merchant.users.get().check_password("pain-au-levain-61")


def test_create_merchant_refuses_a_commune_outside_the_orne():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Commune inconnue"):
        call_command("create_merchant", "--name", "X", "--commune", "75056", "--email", "x@x.fr")


def test_approval_never_reuses_another_merchants_account(
    application, onboard, council_staff, django_capture_on_commit_callbacks
):
    # A merchant whose login became the applicant's address (in any case) before approval.
    existing = onboard("Cave Lebrun", email="VERGERS@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(OnboardingError, match="Un compte existe déjà"):
            merchant_application_approve(application_id=application.pk, decided_by=council_staff)

    assert list(Merchant.objects.all()) == [existing]
    assert existing.users.get().merchants.count() == 1
    application.refresh_from_db()
    assert application.status == "pending" and application.merchant is None
    assert mail.outbox == []  # no password link reaches that account


def test_staff_see_why_an_application_cannot_be_approved(
    client, application, onboard, council_staff
):
    onboard("Cave Lebrun", email="vergers@example.org")
    client.force_login(council_staff)

    response = client.post(f"/admin/inscriptions/decide/{application.pk}/", {"decision": "approve"})

    assert response.status_code == 200
    assert "Un compte existe déjà avec l&#x27;adresse vergers@example.org" in (
        response.content.decode()
    )
    assert Merchant.objects.count() == 1


def test_create_merchant_refuses_an_email_that_already_has_an_account(onboard):
    from django.core.management.base import CommandError

    existing = onboard("Cave Lebrun", email="lebrun@example.org").users.get()
    with pytest.raises(CommandError, match="Un compte existe déjà"):
        call_command(
            "create_merchant",
            "--name",
            "Autre boutique",
            "--commune",
            "61001",
            "--email",
            "lebrun@example.org",
            "--password",
            "un-autre-mot-de-passe-61",
        )

    existing.refresh_from_db()
    assert not existing.check_password("un-autre-mot-de-passe-61")
    assert Merchant.objects.count() == 1


def test_staff_create_form_refuses_an_email_that_already_has_an_account(
    client, onboard, council_staff
):
    onboard("Cave Lebrun", email="lebrun@example.org")
    client.force_login(council_staff)

    response = client.post(
        "/admin/boutiques/new/",
        {
            "name": "Autre boutique",
            "commune": Commune.objects.get(insee_code="61006").pk,
            "email": "Lebrun@Example.org",
            "category": "librairie",
            "sales_mode": "both",
        },
    )

    assert response.status_code == 200
    assert "Un compte existe déjà" in response.content.decode()
    assert not Merchant.objects.filter(name="Autre boutique").exists()


def test_a_shop_name_with_a_line_break_is_refused_before_anything_is_created(
    application, council_staff, django_capture_on_commit_callbacks
):
    # Stored before names were checked: approval must refuse it whole, not half-fail.
    MerchantApplication.objects.filter(pk=application.pk).update(
        shop_name="Cidrerie\r\nBcc: tous@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(OnboardingError, match="une seule ligne"):
            merchant_application_approve(application_id=application.pk, decided_by=council_staff)

    assert not Merchant.objects.exists() and not Partner.objects.exists()
    assert not get_user_model().objects.filter(email="vergers@example.org").exists()


def test_staff_create_form_refuses_a_name_with_a_line_break(client, council_staff):
    client.force_login(council_staff)

    response = client.post(
        "/admin/boutiques/new/",
        {
            "name": "Librairie\nBcc: tous@example.org",
            "commune": Commune.objects.get(insee_code="61006").pk,
            "email": "livres@example.org",
            "category": "librairie",
            "sales_mode": "both",
        },
    )

    assert response.status_code == 200
    assert "sur une seule ligne" in response.content.decode()
    assert not Merchant.objects.exists()


def test_the_shops_index_is_created_under_the_sites_home_wherever_it_stands(
    application, council_staff
):
    MerchantIndexPage.objects.all().delete()
    site = Site.objects.get(is_default_site=True)
    portal = site.root_page.add_child(instance=Page(title="Portail", slug="portail"))
    home = portal.add_child(instance=Page(title="Marché", slug="marche"))
    site.root_page = home
    site.save()

    merchant_application_approve(application_id=application.pk, decided_by=council_staff)

    index = MerchantIndexPage.objects.get()
    assert index.get_parent().pk == home.pk
    assert index.depth == 5  # root, French home, portal, our home, index
