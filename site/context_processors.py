"""Values every page template needs (site name, language switcher)."""

from django.conf import settings
from django.http import HttpRequest

from orne_site.editorial.models import SiteSettings
from orne_site.editorial.page_memos import site_for_request, site_settings_prime


def site_context(request: HttpRequest) -> dict:
    # A template is about to render: the Site and the footer's settings come from the
    # sitewide memo, put where Wagtail's for_request and the settings context processor look.
    site_for_request(request)
    site_settings_prime(request, SiteSettings)
    return {"site_name": settings.SITE_NAME}
