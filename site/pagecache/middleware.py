"""The two halves of the page cache, placed like Django's own cache middleware.

``PageCacheStoreMiddleware`` sits near the top of MIDDLEWARE, inside the CSP and
Permissions-Policy middleware but outside the session, CSRF and basket ones: it sees the
cookies those set (a page that starts a session or a basket is never kept) and stores the
page before the per-response policy headers are added. ``PageCacheFetchMiddleware`` sits
last: a kept page goes back out through every other middleware, so each response gets its
own CSP header (with the fresh nonce put in the body) and the visitor's CSRF cookie.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from orne_site.pagecache import services

_KEY = "_page_cache_key"
_HIT = "_page_cache_hit"


def _with_validators(response: HttpResponse, *, etag: str, hit: bool) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = settings.PAGE_CACHE_CONTROL
    # For operators and load tests: was this page kept, or built for this request?
    response["X-Page-Cache"] = "hit" if hit else "miss"
    return response


class PageCacheFetchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not services.request_is_cacheable(request):
            return self.get_response(request)
        key = services.page_cache_key(request)
        setattr(request, _KEY, key)
        page = services.page_fetch(key=key)
        if page is None:
            return self.get_response(request)
        setattr(request, _HIT, True)
        not_modified = get_conditional_response(request, etag=page.etag)
        if not_modified is not None:
            return _with_validators(not_modified, etag=page.etag, hit=True)
        body = services.page_body_for_request(request=request, page=page)
        response = HttpResponse(body.encode(page.charset))
        for name, value in page.headers:
            response[name] = value
        return _with_validators(response, etag=page.etag, hit=True)


class PageCacheStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, _KEY, None)
        if key is None or getattr(request, _HIT, False):
            return response
        if not services.response_is_cacheable(response):
            return response
        page = services.page_store(request=request, response=response, key=key)
        not_modified = get_conditional_response(request, etag=page.etag, response=response)
        return _with_validators(not_modified, etag=page.etag, hit=False)
