"""Which outside services a test run has, and what a test does when one is missing.

Locally a test that needs PostgreSQL, Chromium or the search engine skips with the
reason; in CI (`CI=true`) the same absence fails the test, so CI never goes green by
skipping what it was meant to prove.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.db import connection

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_service(available: bool, reason: str) -> None:
    if available:
        return
    if in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if os.path.exists(configured) else None
    for candidate in CHROMIUM_CANDIDATES:
        if shutil.which(candidate):
            return candidate
    return None


def database_is_postgres() -> bool:
    return connection.vendor == "postgresql"


NO_POSTGRES = "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)"


def postgres_threads_test(test):
    """A test whose threads commit for real on PostgreSQL (row locks, concurrent sales).

    Skipped at collection, before any database fixture: a transactional test that skipped
    inside the test would still flush the (reused) SQLite test database on its way out.
    In CI the test runs and its ``require_service`` fails it if PostgreSQL is missing.
    """
    test = pytest.mark.django_db(transaction=True, serialized_rollback=True)(test)
    return pytest.mark.skipif(not database_is_postgres() and not in_ci(), reason=NO_POSTGRES)(test)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def localstripe_is_up(url: str) -> bool:
    import urllib.request

    try:
        urllib.request.urlopen(f"{url.rstrip('/')}/js.stripe.com/v3/", timeout=2)
        return True
    except OSError:
        return False


def localstripe_start(*, port: int):
    """Start localstripe (a Stripe-protocol HTTP server) on ``port``; None if it cannot run.

    ``--from-scratch``: every localstripe shares /tmp/localstripe.pickle, which concurrent
    instances (another test run, make run) leave truncated; loading it would crash.
    """
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    executable = Path(sys.executable).with_name("localstripe")
    if not executable.exists():
        return None
    process = subprocess.Popen(
        [str(executable), "--port", str(port), "--from-scratch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/js.stripe.com/v3/", timeout=1)
            return process
        except OSError:
            if process.poll() is not None:
                return None
            time.sleep(0.2)
    process.terminate()
    return None
