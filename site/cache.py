"""Django's Redis cache, made to degrade instead of failing when Redis is unreachable.

With REDIS_URL, the cache holds what several app processes must share (sessions in front of
the database, the search engine's circuit breaker, the degraded-search pages, rate limits).
None of them is worth a 500 page: while Redis is down a read is a miss, a write is dropped
(a warning is logged), a counter starts again at 1 (rate limits let the request through),
and cached_db sessions fall back to their database rows. /readyz still reports Redis down:
it pings the server itself (orne_site.health).

Every public method that ``RedisCache`` itself defines talks to Redis; each is wrapped the
same way (``tolerant``), with what it answers while Redis is down. The methods
``BaseCache`` builds on them (``get_or_set``, ``decr``, the ``a…`` async ones) inherit the
tolerance. tests/unit/test_tolerant_cache.py fails if Django adds a method left unwrapped.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable, Mapping
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)

Fallback = Callable[[Mapping[str, Any]], Any]


def tolerant(name: str, *, fallback: Fallback) -> Callable:
    """``RedisCache.<name>``, answering ``fallback(arguments)`` while Redis is unreachable.

    ``fallback`` gets the call's arguments by name, defaults applied.
    """
    redis_method = getattr(RedisCache, name)
    signature = inspect.signature(redis_method)

    @functools.wraps(redis_method)
    def method(self, *args, **kwargs):
        try:
            return redis_method(self, *args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Redis unreachable for %s (%s); going on without it", name, error)
            call = signature.bind(self, *args, **kwargs)
            call.apply_defaults()
            return fallback(call.arguments)

    method.__qualname__ = f"TolerantRedisCache.{name}"
    method.tolerates_redis_down = True
    return method


class TolerantRedisCache(RedisCache):
    # What each answers while Redis is down: what Django's cache API gives for a miss, a
    # refused write or a fresh counter.
    get = tolerant("get", fallback=lambda call: call["default"])
    get_many = tolerant("get_many", fallback=lambda call: {})
    # cached_db sessions ask ``key in cache`` for every new session key.
    has_key = tolerant("has_key", fallback=lambda call: False)
    set = tolerant("set", fallback=lambda call: None)
    add = tolerant("add", fallback=lambda call: False)
    touch = tolerant("touch", fallback=lambda call: False)
    incr = tolerant("incr", fallback=lambda call: call["delta"])
    set_many = tolerant("set_many", fallback=lambda call: list(call["data"]))  # keys not stored
    delete = tolerant("delete", fallback=lambda call: False)
    delete_many = tolerant("delete_many", fallback=lambda call: None)
    clear = tolerant("clear", fallback=lambda call: False)

    def ping(self) -> None:
        """Raise unless the Redis server answers (for /readyz)."""
        self._cache.get_client(write=True).ping()
