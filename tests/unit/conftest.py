"""Unit tests run without a database: a test that asks for one fails and says where it belongs."""

import pytest


@pytest.fixture(autouse=True)
def _unit_tests_touch_no_database(request, django_db_blocker):
    if request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "django_db_setup",
        "live_server",
    } & set(request.fixturenames):
        pytest.fail(
            "A unit test must not use the database: make it pure or move it to tests/integration.",
            pytrace=False,
        )
    # django_db_blocker keeps the database blocked: any query raises instead of connecting.
    django_db_blocker.block()
    yield
    django_db_blocker.restore()
