"""Probes for the load balancer and the orchestrator.

`/healthz`: the process answers (no dependency is touched: a restart would not help them).
`/readyz`: every part a request may need, each reported in JSON with its answer time; 503
when a required one is down (database, cache, task queue, media storage). The search
engine is reported but not required: while it is down the database answers searches.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult
from modelsearch.backends import get_search_backend

from commerce.background import queue_is_transactional


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"vendor": connection.vendor}


def _cache() -> dict:
    if hasattr(cache, "ping"):  # Redis (orne_site.cache): a miss would hide a stopped server
        cache.ping()
        return {"backend": "redis"}
    cache.set("readyz", 1, 10)
    if cache.get("readyz") != 1:
        raise RuntimeError("the cache does not keep a value")
    return {"backend": "local-memory"}


def _search() -> dict:
    backend = get_search_backend("default")
    client = getattr(backend, "es", None)
    if client is None:
        return {"backend": "database"}
    if not client.ping(request_timeout=1):
        raise RuntimeError("the engine does not answer its ping")
    return {"backend": type(backend).__module__}


def _tasks() -> dict:
    if not queue_is_transactional():
        return {"backend": "immediate"}
    results = DBTaskResult.objects.all()
    ready = results.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    since = timezone.now() - timedelta(days=1)
    return {
        "backend": "database",
        "waiting": ready.count(),
        "oldest_waiting_seconds": round((timezone.now() - oldest).total_seconds()) if oldest else 0,
        "failed_last_day": results.failed().filter(finished_at__gte=since).count(),
    }


def _storage() -> dict:
    default_storage.exists("readyz-probe")
    return {"backend": type(default_storage._wrapped).__name__}


CHECKS: tuple[tuple[str, Callable[[], dict], bool], ...] = (
    ("database", _database, True),
    ("cache", _cache, True),
    ("search", _search, False),
    ("tasks", _tasks, True),
    ("storage", _storage, True),
)


def readiness() -> tuple[bool, dict]:
    """(every required part is up, the report per part)."""
    report, ready = {}, True
    for name, check, required in CHECKS:
        started = time.perf_counter()
        try:
            entry = {"ok": True, **check()}
        except Exception as error:  # a probe reports every failure, it never raises
            entry = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
            ready = ready and not required
        entry["required"] = required
        entry["ms"] = round((time.perf_counter() - started) * 1000, 1)
        report[name] = entry
    return ready, report


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    ready, report = readiness()
    return JsonResponse(
        {"status": "ok" if ready else "down", "checks": report}, status=200 if ready else 503
    )
