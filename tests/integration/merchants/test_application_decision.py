"""Council side: an application is decided on its own page only, staff hear of it when it
arrives, SIRET numbers are checked and unique, a shop can be suspended and reactivated."""

import html
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse

from merchants.models import Commune, Merchant, MerchantApplication
from merchants.services.onboarding import OnboardingError, merchant_application_approve
from merchants.services.signups import merchant_application_submit
from search.query import ProductQuery
from search.selectors import product_search
from tests.factories import MerchantStockRecordFactory, siret_number

pytestmark = pytest.mark.django_db


def applicant_data(**overrides) -> dict:
    data = {
        "shop_name": "Cidrerie des Vergers",
        "legal_name": "EARL des Vergers",
        "siret": "73282932000074",
        "category": "cidrerie",
        "commune": Commune.objects.get(insee_code="61071"),
        "address": "Le Bourg",
        "phone": "02 33 00 00 00",
        "email": "vergers@example.org",
        "description": "Cidre et pommeau.",
        "sales_mode": "click_collect",
    }
    data.update(overrides)
    return data


@pytest.fixture
def application(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return merchant_application_submit(data=applicant_data(), ip_address=None)


def text_of(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


def test_an_application_tells_the_staff_and_acknowledges_the_applicant(
    council_staff, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application = merchant_application_submit(data=applicant_data(), ip_address=None)

    to_staff, to_applicant = mail.outbox
    assert to_staff.to == ["agent@orne.invalid"]
    assert to_staff.subject == "Nouvelle demande d'inscription : Cidrerie des Vergers"
    assert f"/admin/inscriptions/decide/{application.pk}/" in to_staff.body
    assert to_applicant.to == ["vergers@example.org"]
    assert "bien reçu votre demande" in to_applicant.body


def test_the_edit_view_cannot_accept_an_application(client, council_staff, application):
    client.force_login(council_staff)
    form = {
        **applicant_data(commune=application.commune_id),
        "status": MerchantApplication.Status.APPROVED,
    }
    client.post(f"/admin/inscriptions/edit/{application.pk}/", form)

    application.refresh_from_db()
    assert application.status == MerchantApplication.Status.PENDING
    assert not Merchant.objects.filter(name="Cidrerie des Vergers").exists()
    page = client.get(f"/admin/inscriptions/edit/{application.pk}/").content.decode()
    assert 'name="status"' not in page


def test_the_decision_page_shows_the_application_and_accepting_creates_the_shop(
    client, council_staff, application, django_capture_on_commit_callbacks
):
    client.force_login(council_staff)
    url = f"/admin/inscriptions/decide/{application.pk}/"
    page = text_of(client.get(url))
    assert "EARL des Vergers" in page and "73282932000074" in page
    assert "Cidre et calvados" in page and "Retrait en boutique (click & collect)" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "approve", "publish_page": "on"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MerchantApplication.Status.APPROVED
    assert application.merchant.name == "Cidrerie des Vergers"
    assert mail.outbox[-1].subject == "Votre boutique Cidrerie des Vergers est acceptée"
    assert "la décision ne change plus" in text_of(client.get(url))


def test_refusing_needs_a_reason_that_is_sent(
    client, council_staff, application, django_capture_on_commit_callbacks
):
    client.force_login(council_staff)
    url = f"/admin/inscriptions/decide/{application.pk}/"
    assert "Indiquez le motif" in text_of(client.post(url, {"decision": "reject"}))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Hors du département."})

    application.refresh_from_db()
    assert application.status == MerchantApplication.Status.REJECTED
    assert "Hors du département." in mail.outbox[-1].body


def test_the_menu_counts_pending_applications(client, council_staff, application):
    client.force_login(council_staff)
    merchant_application_submit(
        data=applicant_data(email="autre@example.org", siret=siret_number(7)), ip_address=None
    )
    page = client.get("/admin/").content.decode()
    assert "Inscriptions (2)" in page
    assert "Demandes d'inscription en attente" in page


def test_a_siret_with_a_bad_check_digit_is_refused_in_french():
    with pytest.raises(ValidationError) as refused:
        Merchant(siret="73282932000075").clean_fields(exclude=["partner", "commune", "name"])
    assert refused.value.message_dict["siret"] == [
        "Ce numéro SIRET n'est pas valide : vérifiez les chiffres saisis."
    ]


def test_a_siret_already_a_shops_cannot_be_accepted_again(council_staff, application, onboard):
    shop = onboard("Cidrerie existante")
    shop.siret = application.siret
    shop.save()

    with pytest.raises(OnboardingError, match="existe déjà avec le numéro SIRET"):
        merchant_application_approve(application_id=application.pk, decided_by=council_staff)

    application.refresh_from_db()
    assert application.status == MerchantApplication.Status.PENDING


def test_two_shops_cannot_share_a_siret(onboard):
    first, second = onboard("Premiere"), onboard("Seconde")
    first.siret = "73282932000074"
    first.save()
    second.siret = "73282932000074"
    with pytest.raises(ValidationError) as refused:
        second.validate_constraints()
    assert "Une boutique existe déjà avec ce numéro SIRET." in str(refused.value)


def found(text: str) -> list[str]:
    cache.clear()  # search answers are cached for a while; this test wants the index's
    return [hit.title for hit in product_search(query=ProductQuery(text=text)).hits]


def test_a_suspended_shop_leaves_search_and_comes_back(
    client, council_staff, onboard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        shop = onboard("Cidrerie du Bocage")
        MerchantStockRecordFactory(merchant=shop, product__title="Pommeau du Bocage")
    client.force_login(council_staff)
    assert "Suspendre la boutique" in text_of(client.get(f"/admin/boutiques/edit/{shop.pk}/"))
    assert "Pommeau du Bocage" in found("pommeau")

    page = text_of(client.get(f"/admin/boutiques/suspend/{shop.pk}/"))
    assert "commandes déjà passées restent" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/boutiques/suspend/{shop.pk}/")

    shop.refresh_from_db()
    assert not shop.is_active
    assert "Pommeau du Bocage" not in found("pommeau")
    history = text_of(client.get(reverse("merchants_shops:history", args=[shop.pk])))
    assert "Boutique suspendue" in history

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/boutiques/suspend/{shop.pk}/")
    shop.refresh_from_db()
    assert shop.is_active
    assert "Pommeau du Bocage" in found("pommeau")


def test_a_merchant_cannot_suspend_its_own_shop(client, onboard):
    shop = onboard("Cidrerie du Bocage")
    client.force_login(shop.users.get())
    response = client.post(f"/admin/boutiques/suspend/{shop.pk}/")
    # Wagtail answers a refusal in its admin with a redirect to the dashboard.
    assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
    shop.refresh_from_db()
    assert shop.is_active
