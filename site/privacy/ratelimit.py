"""Counters in the cache that cap how often the request form sends e-mails."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from orne_site.privacy import conf


def _within(*, key: str, limit: int, window_seconds: int) -> bool:
    """Count one more attempt under ``key``; True while the count stays within ``limit``."""
    if cache.add(key, 1, timeout=window_seconds):
        return 1 <= limit
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def privacy_request_allowed_for_client(*, ip_address: str | None) -> bool:
    if not ip_address:
        return True
    return _within(
        key=f"privacy:request:ip:{ip_address}",
        limit=conf.requests_per_hour_per_client(),
        window_seconds=3600,
    )


def privacy_request_allowed_for_email(*, email: str) -> bool:
    # Hashed: the cache holds no e-mail address in clear.
    digest = hashlib.sha256(email.encode()).hexdigest()
    return _within(
        key=f"privacy:request:email:{digest}",
        limit=conf.requests_per_day_per_email(),
        window_seconds=24 * 3600,
    )
