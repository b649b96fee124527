"""A memo of what every public page reads and editors rarely change, shared by processes.

Every page asked the database again for the Site, the locales, Wagtail's route down the page
tree, the view restrictions, the menu and the footer: about fifteen queries before the page
read anything of its own. They change when an editor publishes, moves or deletes a page, or
edits a Site, a Locale, the site settings or a view restriction; this module keeps them in
Django's cache (Redis in production, hence shared by every app process) under a *generation*
number, and any such change bumps the generation: every memo is then out of reach at once
and expires by itself (``MEMO_SECONDS``).

The generation is bumped at once (this process stops reading the old memo) and again after
the transaction commits (another process may have rebuilt the memo from the data as it was
before the commit). A transaction rolled back after a rebuild leaves that memo until it
expires; saves in the admin commit.

A cache outage degrades to plain queries, never to a 500: an unreadable generation turns
the memo off for the request, and a failing read or write is a miss.

Within a request, what was read is kept in a context variable (``request_memo_scope``, set by
``SitewideMemoMiddleware``), so a page asks the cache for each item once.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction

from commerce.generations import generation_bump, generation_read

logger = logging.getLogger(__name__)

GENERATION_KEY = "sitewide:generation"
# Bounds what no signal reports (a rolled-back rebuild, a bump lost during a cache outage).
MEMO_SECONDS = 600
MISSING = object()
_T = TypeVar("_T")

_request_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "sitewide_request_memo", default=None
)


@contextmanager
def request_memo_scope() -> Iterator[None]:
    """Keep what the memo answers for the length of one request (or one test's request)."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def _generation() -> int | None:
    local = _request_memo.get()
    if local is not None and GENERATION_KEY in local:
        return local[GENERATION_KEY]
    try:
        generation = generation_read(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - any cache failure means "no memo", never a 500
        logger.warning("Sitewide memo: cache unreadable, reading the database", exc_info=True)
        generation = None
    if local is not None:
        local[GENERATION_KEY] = generation
    return generation


def memo(name: str, build: Callable[[], _T]) -> _T:
    """``build()``, kept under ``name`` until the next generation (or ``MEMO_SECONDS``).

    ``build`` must return something picklable, read in full (no lazy queryset).
    """
    local = _request_memo.get()
    if local is not None and name in local:
        return local[name]
    generation = _generation()
    if generation is None:
        return build()
    key = f"sitewide:{generation}:{name}"
    try:
        value = cache.get(key, MISSING)
    except Exception:  # noqa: BLE001
        logger.warning("Sitewide memo: cannot read %s", name, exc_info=True)
        value = MISSING
    if value is MISSING:
        value = build()
        try:
            cache.set(key, value, timeout=MEMO_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("Sitewide memo: cannot keep %s", name, exc_info=True)
    if local is not None:
        local[name] = value
    return value


def memo_peek(name: str) -> Any:
    """What the memo holds under ``name``, or ``MISSING`` (nothing is built)."""
    local = _request_memo.get()
    if local is not None and name in local:
        return local[name]
    generation = _generation()
    if generation is None:
        return MISSING
    try:
        value = cache.get(f"sitewide:{generation}:{name}", MISSING)
    except Exception:  # noqa: BLE001
        return MISSING
    if local is not None and value is not MISSING:
        local[name] = value
    return value


def memo_put(name: str, value: Any) -> None:
    """Keep ``value`` under ``name`` (something found on the way, such as a route)."""
    generation = _generation()
    if generation is None:
        return
    try:
        cache.set(f"sitewide:{generation}:{name}", value, timeout=MEMO_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("Sitewide memo: cannot keep %s", name, exc_info=True)
    local = _request_memo.get()
    if local is not None:
        local[name] = value


def _generation_bump() -> None:
    try:
        generation_bump(GENERATION_KEY)
    except Exception:  # noqa: BLE001 - the memo expires by itself (MEMO_SECONDS)
        logger.warning("Sitewide memo: cannot bump the generation", exc_info=True)
    local = _request_memo.get()
    if local is not None:
        local.clear()


def sitewide_invalidate() -> None:
    """Every memo out of date: at once, and again when the transaction commits."""
    _generation_bump()
    transaction.on_commit(_generation_bump)
