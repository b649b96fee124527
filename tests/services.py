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


def stripe_mock_executable() -> str | None:
    """stripe-mock (Go: github.com/stripe/stripe-mock), on PATH or in GOPATH's bin."""
    found = shutil.which("stripe-mock")
    if found:
        return found
    gopath = os.environ.get("GOPATH") or os.path.expanduser("~/go")
    candidate = os.path.join(gopath, "bin", "stripe-mock")
    return candidate if os.access(candidate, os.X_OK) else None


def stripe_mock_is_up(url: str) -> bool:
    """stripe-mock answers every API path; an authenticated GET of an account proves it."""
    import urllib.request

    request = urllib.request.Request(
        f"{url.rstrip('/')}/v1/accounts/acct_ping",
        headers={"Authorization": "Bearer sk_test_ping"},
    )
    try:
        urllib.request.urlopen(request, timeout=2)
        return True
    except OSError:
        return False


def stripe_mock_start(*, port: int):
    """Start stripe-mock (Stripe's OpenAPI-validating mock) over HTTP on ``port``."""
    import subprocess
    import time

    executable = stripe_mock_executable()
    if executable is None:
        return None
    process = subprocess.Popen(
        # Without -https-addr it also binds HTTPS on 12112, so a second run could not start.
        [executable, "-http-addr", f"127.0.0.1:{port}", "-https-addr", "127.0.0.1:"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60  # it loads Stripe's whole OpenAPI description first
    while time.monotonic() < deadline:
        if stripe_mock_is_up(f"http://127.0.0.1:{port}"):
            return process
        if process.poll() is not None:
            return None
        time.sleep(0.2)
    process.terminate()
    return None
