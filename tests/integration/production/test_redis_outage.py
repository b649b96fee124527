"""The shared cache on a real redis-server that stops under it: every call degrades, none raises."""

from __future__ import annotations

from django.core.cache import caches

from .conftest import redis_cache_settings


def test_every_cache_operation_goes_on_after_redis_stopped(settings, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url)
    cache = caches["default"]
    cache.set_many({"panier": 3, "page": "accueil"})
    assert cache.get_or_set("page", "autre") == "accueil"  # Redis answers: its value
    assert cache.touch("panier", 60) is True

    redis_server.stop()

    assert cache.get_or_set("page", lambda: "calculée") == "calculée"
    assert cache.set_many({"panier": 4}) == ["panier"]  # not stored, and said so
    assert cache.touch("panier", 60) is False
    assert cache.delete_many(["panier", "page"]) is None
    assert cache.get_many(["panier", "page"]) == {}
    assert cache.incr("essais") == 1
    assert cache.clear() is False
