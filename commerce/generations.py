"""Generation numbers in the shared cache: one counter per family of kept values.

The page cache, the search facets and the sitewide memo each key what they keep with a
number that any change bumps, so every old entry is out of reach at once. A counter that
disappears (first use, Redis restarted or evicting) starts again from the clock in
milliseconds rather than from 0: counting again from 0 would reach the entries kept under
1, 2... before the loss, still alive until they expire.
"""

from __future__ import annotations

import time

from django.core.cache import cache


def _clock() -> int:
    return int(time.time() * 1000)


def generation_read(key: str) -> int:
    """The counter's value, started from the clock when it is missing."""
    value = cache.get(key)
    if value is None:
        cache.add(key, _clock(), timeout=None)
        value = cache.get(key)
    return value if value is not None else _clock()


def generation_bump(key: str) -> None:
    # add() then incr(): incr() alone fails on a missing key.
    cache.add(key, _clock(), timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between the two calls
        cache.set(key, _clock(), timeout=None)
