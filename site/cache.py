"""Django's Redis cache, made to degrade instead of failing when Redis is unreachable.

With REDIS_URL, the cache holds what several app processes must share (sessions in front of
the database, the search engine's circuit breaker, the degraded-search pages, rate limits).
None of them is worth a 500 page: while Redis is down a read is a miss, a write is dropped
(a warning is logged), a counter starts again at 1 (rate limits let the request through),
and cached_db sessions fall back to their database rows. /readyz still reports Redis down:
it pings the server itself (orne_site.health).
"""

from __future__ import annotations

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class TolerantRedisCache(RedisCache):
    def _unreachable(self, operation: str, error: Exception) -> None:
        logger.warning("Redis unreachable for %s (%s); going on without it", operation, error)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            self._unreachable("get", error)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            self._unreachable("get_many", error)
            return {}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except UNREACHABLE as error:
            self._unreachable("set", error)
            return None

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as error:
            self._unreachable("add", error)
            return False

    def has_key(self, key, version=None):
        # cached_db sessions ask it for every new session key (``key in cache``).
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            self._unreachable("has_key", error)
            return False

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._unreachable("incr", error)
            return delta

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            self._unreachable("delete", error)
            return False

    def ping(self) -> None:
        """Raise unless the Redis server answers (for /readyz)."""
        self._cache.get_client(write=True).ping()
