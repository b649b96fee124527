import pytest

from tests.services import chromium_path, database_is_postgres, require_service


@pytest.fixture
def postgres(db):
    """Marks a test that needs PostgreSQL (DATABASE_URL=postgres://…)."""
    require_service(
        database_is_postgres(),
        "PostgreSQL is not configured (set DATABASE_URL=postgres://user:pass@host/db)",
    )


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = chromium_path()
    require_service(
        path is not None,
        "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)",
    )
    return path


@pytest.fixture(scope="session", autouse=True)
def _restore_migration_data_after_live_server_tests(django_db_setup, django_db_blocker):
    """Put the migrations' data (communes, home page, locales) back at the end of the run.

    Live-server tests are transactional: each ends by emptying every table. Django's
    serialized rollback restores the data before each such test, but not after the last
    one, so a database reused by `--reuse-db` would start the next run empty.
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
