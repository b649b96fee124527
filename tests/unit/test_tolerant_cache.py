"""The Redis cache while no Redis answers: reads miss, nothing raises (no 500 page)."""

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache.backends.redis import RedisCache

from orne_site.cache import TolerantRedisCache
from orne_site.settings.env import cache_from_url
from tests.services import free_port


def stopped_redis_cache() -> TolerantRedisCache:
    # A loopback port nobody listens on: connection refused at once, as after Redis stopped.
    config = cache_from_url(f"redis://127.0.0.1:{free_port()}/0")
    return TolerantRedisCache(config["LOCATION"], {"OPTIONS": config["OPTIONS"]})


def test_membership_is_a_miss_while_redis_is_down():
    # cached_db sessions ask ``key in cache`` for every new session key (checkout form POST).
    cache = stopped_redis_cache()

    assert ("session-key" in cache) is False
    assert cache.get("session-key") is None


def test_the_plain_redis_cache_would_raise_there():
    config = cache_from_url(f"redis://127.0.0.1:{free_port()}/0")
    plain = RedisCache(config["LOCATION"], {"OPTIONS": config["OPTIONS"]})
    try:
        "session-key" in plain  # noqa: B015
    except Exception as error:  # noqa: BLE001
        assert "onnect" in str(error)
    else:
        raise AssertionError("RedisCache answered without a server")


# Each public operation, called as Django's callers call it, and what it answers without Redis.
DOWN_ANSWERS = {
    "get": (lambda cache: cache.get("panier", "vide"), "vide"),
    "get_many": (lambda cache: cache.get_many(["a", "b"]), {}),
    "has_key": (lambda cache: cache.has_key("panier"), False),
    "set": (lambda cache: cache.set("panier", 3), None),
    "add": (lambda cache: cache.add("panier", 3, timeout=60), False),
    "touch": (lambda cache: cache.touch("panier", 60), False),
    "incr": (lambda cache: cache.incr("essais", delta=2), 2),
    "set_many": (lambda cache: cache.set_many({"a": 1, "b": 2}), ["a", "b"]),
    "delete": (lambda cache: cache.delete("panier"), False),
    "delete_many": (lambda cache: cache.delete_many(["a", "b"]), None),
    "clear": (lambda cache: cache.clear(), False),
}


@pytest.mark.parametrize("operation", sorted(DOWN_ANSWERS))
def test_each_operation_answers_without_raising_while_redis_is_down(operation, caplog):
    call, answer = DOWN_ANSWERS[operation]

    with caplog.at_level(logging.WARNING, logger="orne_site.cache"):
        assert call(stopped_redis_cache()) == answer

    assert f"Redis unreachable for {operation}" in caplog.text


def test_every_public_method_of_the_redis_cache_is_made_tolerant():
    # A method a newer Django adds to RedisCache would reach Redis unguarded.
    public = {name for name in vars(RedisCache) if not name.startswith("_")}
    without_redis = {"get_backend_timeout"}  # computes a number, sends nothing

    tolerant = {
        name
        for name in public
        if getattr(getattr(TolerantRedisCache, name), "tolerates_redis_down", False)
    }
    assert tolerant == public - without_redis
    assert set(DOWN_ANSWERS) == tolerant


def test_get_or_set_hands_back_the_default_while_redis_is_down():
    computed = []

    value = stopped_redis_cache().get_or_set("page", lambda: computed.append(1) or "calculée")

    assert value == "calculée" and computed == [1]


def test_decr_counts_from_zero_while_redis_is_down():
    assert stopped_redis_cache().decr("essais") == -1


def test_the_async_api_is_tolerant_too():
    cache = stopped_redis_cache()

    async def calls():
        return (
            await cache.aget("panier", "vide"),
            await cache.aset("panier", 3),
            await cache.aget_or_set("page", "calculée"),
            await cache.adelete_many(["a"]),
        )

    # In a thread of its own: Playwright's sync API, used by earlier browser tests, leaves an
    # event loop running in this one, and asyncio.run refuses to start beside it.
    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, calls()).result() == ("vide", None, "calculée", None)
