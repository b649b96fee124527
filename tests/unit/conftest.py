"""Unit tests run without a database: a test that asks for one fails and says where it belongs."""

import pytest

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_runtest_setup(item):
    # Checked before any fixture is set up, so a stray test does not migrate a database first.
    if item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(item.fixturenames):
        pytest.fail(
            f"{item.nodeid} uses the database: make it pure or move it to tests/integration.",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _database_stays_blocked(django_db_blocker):
    """Any query from a unit test raises instead of reaching a database."""
    django_db_blocker.block()
    yield
    django_db_blocker.restore()
