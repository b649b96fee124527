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
