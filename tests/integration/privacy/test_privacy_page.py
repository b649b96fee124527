"""The demo's privacy page says who processes what, for whom, how long, and how to object."""

import html

import pytest
from wagtail.rich_text import RichText

from orne_site.demo.editorial_content import LEGAL_PAGES
from orne_site.editorial.models import HomePage, StandardPage
from tests.factories import page_add

pytestmark = pytest.mark.django_db


def test_privacy_page_names_contact_recipients_cookies_retention_and_rights(client, settings):
    slug, title, paragraphs = next(
        page for page in LEGAL_PAGES if page[0] == "donnees-personnelles"
    )
    home = HomePage.objects.get(locale__language_code="fr")
    page_add(
        parent=home,
        page=StandardPage(
            title=title, slug=slug, body=[("rich_text", RichText(p)) for p in paragraphs]
        ),
    )

    content = html.unescape(client.get("/donnees-personnelles/").content.decode())

    assert "Département de l'Orne" in content and settings.PRIVACY_DPO_EMAIL in content
    assert "Stripe" in content and "La boutique" in content and "hébergeur" in content
    assert "sessionid" in content and "csrftoken" in content and "django_language" in content
    assert "L123-22" in content and "trois ans sans connexion" in content
    assert 'href="/donnees-personnelles/demande/"' in content
    assert "CNIL" in content
