"""Scope of the sitewide memo: one request (orne_site.editorial.sitewide)."""

from __future__ import annotations

from orne_site.editorial.models import SiteSettings
from orne_site.editorial.page_memos import site_for_request, site_settings_prime
from orne_site.editorial.sitewide import request_memo_scope


class SitewideMemoMiddleware:
    """Reads the Site and the site settings from the memo, where Wagtail looks for them
    (``Site.find_for_request`` and ``SiteSettings.for_request`` cache on the request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_memo_scope():
            if request.method in ("GET", "HEAD"):
                site_for_request(request)
                site_settings_prime(request, SiteSettings)
            return self.get_response(request)
