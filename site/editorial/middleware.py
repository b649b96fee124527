"""Scope of the sitewide memo: one request (orne_site.editorial.sitewide)."""

from __future__ import annotations

from orne_site.editorial.sitewide import request_memo_scope


class SitewideMemoMiddleware:
    """What the memo answers is kept for the rest of the request: each item is read from
    the cache once per request. It reads nothing itself: the API and the admin ask the
    memo for nothing (pages prime the Site and settings in ``context_processors``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_memo_scope():
            return self.get_response(request)
