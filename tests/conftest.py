import os
import time

import pytest

from tests.services import (
    chromium_path,
    database_is_postgres,
    free_port,
    localstripe_is_up,
    localstripe_start,
    require_service,
    stripe_mock_is_up,
    stripe_mock_start,
)


@pytest.fixture(autouse=True)
def sitewide_memo_fresh():
    """Each test starts with an empty sitewide memo: a test's pages are rolled back with it,
    but the cache (one per process) would keep them."""
    from django.core.cache import cache

    from orne_site.editorial.sitewide import GENERATION_KEY

    # A new generation, not a bump: no transaction to wait for, and no database touched.
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


@pytest.fixture(scope="session")
def restore_migration_data_at_exit(django_db_setup, django_db_blocker):
    """Put the migrations' data (communes, home page, locales) back at the end of the run.

    Transactional tests (live server, threads, worker processes) each end by emptying every
    table. Django's serialized rollback restores the data before each such test, but not
    after the last one, so a database reused by `--reuse-db` would start the next run empty.
    """
    yield
    from django.core.management import call_command
    from django.db import connections

    from merchants.models import Commune

    with django_db_blocker.unblock():
        if Commune.objects.exists():
            return
        for connection in connections.all():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                # Empty again first: the last flush re-created content types and permissions.
                call_command(
                    "flush",
                    database=connection.alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                )
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def postgres(db):
    """Marks a test that needs PostgreSQL (DATABASE_URL=postgres://…)."""
    require_service(
        database_is_postgres(),
        "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)",
    )


@pytest.fixture
def council_staff(django_user_model):
    """A council agent: staff, in the group that manages every shop (merchants.staff)."""
    from django.contrib.auth.models import Group

    from tests.factories import PASSWORD

    user = django_user_model.objects.create_user(
        "agent", "agent@orne.invalid", PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Agents du Département · commerçants"))
    return user


@pytest.fixture(scope="session")
def localstripe_url():
    """A localstripe server (real HTTP, Stripe's protocol): its base URL.

    CI starts one and names it in LOCALSTRIPE_URL; otherwise the session starts its own.
    """
    configured = os.environ.get("LOCALSTRIPE_URL")
    if configured:
        require_service(
            localstripe_is_up(configured), f"localstripe is not answering at {configured}"
        )
        yield configured.rstrip("/")
        return
    port = free_port()
    process = localstripe_start(port=port)
    require_service(process is not None, "localstripe could not start (pip install localstripe)")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def stripe_settings(settings, localstripe_url):
    """Point the site's Stripe client and Stripe.js at the session's localstripe."""
    settings.STRIPE_SECRET_KEY = "sk_test_orne"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_orne"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_orne_test"
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    return settings


@pytest.fixture(scope="session")
def stripe_mock_url():
    """A stripe-mock server (validates requests against Stripe's OpenAPI): its base URL.

    It keeps no state: the Connect tests check what was asked and what our ledger holds.
    CI starts one and names it in STRIPE_MOCK_URL; otherwise the session starts its own.
    """
    configured = os.environ.get("STRIPE_MOCK_URL")
    if configured:
        require_service(
            stripe_mock_is_up(configured), f"stripe-mock is not answering at {configured}"
        )
        yield configured.rstrip("/")
        return
    port = free_port()
    process = stripe_mock_start(port=port)
    require_service(
        process is not None,
        "stripe-mock is not installed (go install github.com/stripe/stripe-mock@v0.203.0)",
    )
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def connect_settings(stripe_settings, stripe_mock_url):
    """Payments and refunds on localstripe, Connect calls (accounts, transfers) on stripe-mock."""
    stripe_settings.STRIPE_CONNECT_API_BASE = stripe_mock_url
    return stripe_settings


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = chromium_path()
    require_service(
        path is not None,
        "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)",
    )
    return path


def pytest_collection_modifyitems(items):
    """Every transactional test (live server, threads, worker processes) restores the
    migrations' data at the end of the run: see restore_migration_data_at_exit."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and (
            marker.kwargs.get("transaction") or (marker.args and marker.args[0])
        )
        if transactional or "live_server" in getattr(item, "fixturenames", ()):
            item.fixturenames.append("restore_migration_data_at_exit")
