"""The Redis cache while no Redis answers: reads miss, nothing raises (no 500 page)."""

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
