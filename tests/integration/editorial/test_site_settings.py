"""The footer shows what staff set in the site settings, on Wagtail and Oscar pages alike."""

import html

import pytest
from wagtail.models import Site

from orne_site.editorial.models import SiteSettings, StandardPage
from tests.factories import WagtailImageFactory, page_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(home):
    legal = page_add(parent=home, page=StandardPage(title="Mentions légales", slug="mentions"))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_links = [
        ("page", {"page": legal}),
        ("url", {"label": "Site du Département", "url": "https://www.orne.fr/"}),
    ]
    settings.social_links = [
        ("social", {"network": "facebook", "url": "https://facebook.com/orne"})
    ]
    settings.contact_email = "marche@orne.fr"
    settings.contact_phone = "02 33 81 60 00"
    settings.logo = WagtailImageFactory()
    settings.logo_alt = "Département de l'Orne"
    settings.save()
    return settings


def test_footer_shows_links_contact_and_logo(client, site_settings):
    # Oscar's shop pages keep Oscar's own layout (and footer) for now.
    content = html.unescape(client.get("/").content.decode())

    footer = content[content.index('<footer class="site-footer"') :]
    assert 'href="/mentions/">Mentions légales</a>' in footer
    assert 'href="https://www.orne.fr/">Site du Département</a>' in footer
    assert ">Facebook</a>" in footer
    assert 'href="mailto:marche@orne.fr"' in footer and 'href="tel:0233816000"' in footer
    assert 'alt="Département de l\'Orne"' in footer


def test_footer_without_settings_still_renders(client):
    content = client.get("/").content.decode()
    assert "Un service du Département de l" in content
