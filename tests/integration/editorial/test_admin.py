"""Staff can open every editorial form in Wagtail admin, including the translation editor."""

import pytest
from django.urls import reverse

from orne_site.editorial.translation import page_translate
from tests.factories import products_block, shops_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "c@orne.invalid", "x"))
    return client


def test_campaign_add_form_offers_the_live_blocks(staff_client, campaign_index):
    url = reverse("wagtailadmin_pages:add", args=("editorial", "campaignpage", campaign_index.pk))

    response = staff_client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Articles choisis" in content and "Boutiques choisies" in content


@pytest.mark.parametrize("fixture", ["home", "campaign_index", "news_index"])
def test_page_edit_forms_open(staff_client, request, fixture):
    page = request.getfixturevalue(fixture)
    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200


def test_site_settings_form_opens(staff_client, home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("editorial", "sitesettings", site.pk))
    assert staff_client.get(url).status_code == 200


def test_translation_editor_opens_on_a_campaign_with_live_blocks(
    staff_client, campaign_index, campaign, shop, product_of, django_capture_on_commit_callbacks
):
    merchant = shop()
    page = campaign(
        body=[products_block([product_of(merchant, "Cidre")]), shops_block([merchant.page])]
    )
    with django_capture_on_commit_callbacks(execute=True):
        page_translate(page=campaign_index.get_parent(), language_code="en", strings={})
        page_translate(page=campaign_index, language_code="en", strings={})
        english = page_translate(page=page, language_code="en", strings={})

    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,)))

    assert response.status_code == 200
    # wagtail-localize's editor (segments to translate) rather than the ordinary page form.
    assert "cadeaux" in response.content.decode()
    assert "translation-editor" in response.content.decode()


def test_page_search_names_what_it_counts(staff_client, campaign_index, news_index):
    # Wagtail's own search view has no verbose name: its header read "1-1 sur 1 None".
    response = staff_client.get(reverse("wagtailadmin_pages:search"), {"q": "Temps forts"})

    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    assert "1-1 sur 1 page" in text
    assert "sur 1 None" not in text
