"""Whole public pages kept in the cache for anonymous visitors.

What may be kept: a GET or HEAD request without a session, basket or messages cookie (the
visitor has nothing of their own on the page; ``_harmless_cookies``), on a path outside the
personal and back-office areas (``PAGE_CACHE_EXCLUDED_PATHS``), answered 200 without
setting any other cookie and without ``Cache-Control: private/no-store/no-cache``.

Every key carries a site-wide generation number, the language and the full URL. Whatever
changes what a public page shows (a page published or unpublished, a stock record, a
product, a shop, an order placed) calls ``page_cache_invalidate``, which bumps the
generation after commit: every kept page is then out of reach at once, and expires by
itself (``PAGE_CACHE_SECONDS``, which also bounds what no event reports, such as today's
pickup slots or a search index caught up later by a worker).

Per-visitor values are never kept: the body is stored with placeholders where the CSP nonce
and the CSRF tokens were, and each visitor gets a fresh nonce and their own token
(``page_body_for_request``). Reusing the first visitor's nonce would let anyone who read one
cached page inject scripts that run under a nonce known in advance; reusing their CSRF token
would hand their secret to the next visitor.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token

from commerce.generations import generation_bump, generation_read

GENERATION_KEY = "pagecache:generation"
NONCE_PLACEHOLDER = "\x00csp-nonce\x00"
CSRF_PLACEHOLDER = "\x00csrf-token\x00"
# A masked CSRF token: 64 letters and digits (django.middleware.csrf.CSRF_TOKEN_LENGTH).
_TOKEN_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
# Headers the middleware outside the cache set again for each response.
_UNSTORED_HEADERS = {"content-length", "set-cookie", "etag", "cache-control", "expires"}


@dataclass(frozen=True)
class CachedPage:
    body: str
    charset: str
    headers: tuple[tuple[str, str], ...]
    etag: str


def page_cache_enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def page_cache_generation() -> int:
    return generation_read(GENERATION_KEY)


def _generation_bump() -> None:
    generation_bump(GENERATION_KEY)


def page_cache_invalidate() -> None:
    """Drop every kept page once the current transaction commits (at once outside one)."""
    transaction.on_commit(_generation_bump)


def _path_without_language(path: str) -> str:
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def _harmless_cookies() -> set[str]:
    """Cookies that change nothing on a public page.

    The CSRF token is put back per visitor (page_body_for_request); the language is in the
    URL and the key; Oscar's recently-viewed list is shown on no page of ours, so a kept
    product page is the same for every visitor (a hit only leaves that cookie as it was).
    """
    return {
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME,
    }


def request_is_cacheable(request: HttpRequest) -> bool:
    if not page_cache_enabled() or request.method not in ("GET", "HEAD"):
        return False
    if set(request.COOKIES) - _harmless_cookies():
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    path = _path_without_language(request.path_info)
    return not path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def page_cache_key(request: HttpRequest) -> str:
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    return f"pagecache:{page_cache_generation()}:{language}:{url}"


def response_is_cacheable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if set(response.cookies) - _harmless_cookies():
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _body_with_placeholders(request: HttpRequest, body: str) -> str:
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str):
        body = body.replace(nonce, NONCE_PLACEHOLDER)
    secret = request.META.get("CSRF_COOKIE")
    if secret:

        def hide_token(match: re.Match) -> str:
            token = match.group(0)
            return CSRF_PLACEHOLDER if _unmask_cipher_token(token) == secret else token

        body = _TOKEN_CANDIDATE.sub(hide_token, body)
    return body


def page_store(*, request: HttpRequest, response: HttpResponse, key: str) -> CachedPage:
    """Keep ``response`` under ``key``, without this visitor's nonce and CSRF tokens."""
    charset = response.charset or settings.DEFAULT_CHARSET
    body = _body_with_placeholders(request, response.content.decode(charset))
    page = CachedPage(
        body=body,
        charset=charset,
        headers=tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in _UNSTORED_HEADERS
        ),
        etag=f'"{hashlib.md5(body.encode(charset), usedforsecurity=False).hexdigest()}"',
    )
    cache.set(key, page, timeout=settings.PAGE_CACHE_SECONDS)
    return page


def page_fetch(*, key: str) -> CachedPage | None:
    page = cache.get(key)
    return page if isinstance(page, CachedPage) else None


def page_body_for_request(*, request: HttpRequest, page: CachedPage) -> str:
    """The kept body with this visitor's fresh nonce and their own CSRF tokens."""
    body = page.body
    if NONCE_PLACEHOLDER in body:
        nonce = getattr(request, "csp_nonce", None)
        body = body.replace(NONCE_PLACEHOLDER, str(nonce) if nonce is not None else "")
    while CSRF_PLACEHOLDER in body:
        # get_token() also has the CSRF middleware send this visitor their cookie.
        body = body.replace(CSRF_PLACEHOLDER, get_token(request), 1)
    return body
