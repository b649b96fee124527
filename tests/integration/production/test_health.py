"""/healthz and /readyz, against the real database, cache and storage (and a real Redis)."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from .conftest import redis_cache_settings

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_each_part_on_the_embedded_default(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert set(checks) == {"database", "cache", "search", "tasks", "storage"}
    assert all(check["ok"] for check in checks.values())
    assert checks["tasks"]["backend"] == "immediate"
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_reports_a_stopped_redis_with_503(client, settings, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url)
    assert client.get("/readyz").json()["checks"]["cache"]["backend"] == "redis"

    redis_server.stop()
    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["checks"]["cache"]["ok"] is False
    assert "Error" in body["checks"]["cache"]["error"]
    assert body["checks"]["database"]["ok"] is True


def test_pages_still_answer_while_redis_is_stopped(client, settings, redis_server):
    settings.CACHES = redis_cache_settings(redis_server.url)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    redis_server.stop()

    response = client.get("/recherche/?q=fromage")

    assert response.status_code == 200
    caches["default"].get("anything")  # a miss, not an exception
