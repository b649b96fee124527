"""Behaviour that only PostgreSQL provides (runs in CI; skips locally on SQLite)."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from orne_site.editorial.models import HomePage


def test_database_is_postgresql_with_all_migrations(postgres):
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM merchants_commune")
        assert cursor.fetchone()[0] == 381


@pytest.mark.django_db
def test_wagtail_database_search_uses_postgres_full_text(postgres):
    backend = get_search_backend()
    home = HomePage.objects.get(locale__language_code="fr")
    backend.add(home)
    results = backend.search("accueil", HomePage)
    assert "PostgresSearchBackend" in {cls.__name__ for cls in type(backend).__mro__}
    assert home in list(results)
