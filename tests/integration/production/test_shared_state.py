"""State that several app processes share through Redis: sessions and the circuit breaker."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore

from search import selectors

from .conftest import redis_cache_settings, run_django

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_session_written_by_one_process_is_read_by_another(settings, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

    key = run_django(
        "from django.contrib.sessions.backends.cached_db import SessionStore\n"
        "s = SessionStore(); s['panier'] = 'trois camemberts'; s.save(); print(s.session_key)",
        REDIS_URL=redis_server.url,
    )

    assert SessionStore(session_key=key)["panier"] == "trois camemberts"


def test_an_engine_failure_seen_by_one_process_spares_the_others(settings, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url)
    selectors.engine_circuit.reset()
    assert selectors.engine_circuit.allows()

    run_django(
        "from search.selectors import engine_circuit; engine_circuit.trip()",
        REDIS_URL=redis_server.url,
    )

    assert not selectors.engine_circuit.allows()
    selectors.engine_circuit.reset()
