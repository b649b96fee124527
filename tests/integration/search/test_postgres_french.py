"""PostgreSQL's unaccent and pg_trgm in the search (search.postgres); skipped on SQLite."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.search.backends import get_search_backend

from orne_site.editorial.models import HomePage
from search.checks import postgres_search_extensions
from search.postgres import (
    AUTOCOMPLETE_CONFIG,
    FRENCH_CONFIG,
    WORD_TRIGRAM_INDEX,
    postgres_search_features,
    postgres_search_install,
)

pytestmark = pytest.mark.django_db


def _conninfo(**overrides) -> str:
    settings = connection.settings_dict
    parts = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"],
        "password": settings["PASSWORD"] or "",
        "dbname": settings["NAME"],
    }
    parts.update(overrides)
    return " ".join(f"{key}='{value}'" for key, value in parts.items() if value != "")


def test_the_migration_installed_the_extensions_configurations_and_index(postgres):
    postgres_search_features.cache_clear()

    features = postgres_search_features()

    assert {
        "unaccent",
        "pg_trgm",
        FRENCH_CONFIG,
        AUTOCOMPLETE_CONFIG,
        WORD_TRIGRAM_INDEX,
    } <= features
    assert postgres_search_extensions(None, databases=["default"]) == []
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT to_tsvector('{FRENCH_CONFIG}', 'Crèmes brûlées')::text")
        assert cursor.fetchone()[0] == "'brule':2 'crem':1"


def test_a_role_refused_the_extensions_gets_a_french_message_and_the_search_goes_on(postgres):
    # A real refusal: a role that may connect to a database but not create in it (since
    # PostgreSQL 13, unaccent and pg_trgm are "trusted": a database owner could).
    name = f"orne_refused_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {name} LOGIN")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        with psycopg.connect(_conninfo(user=name, password="", dbname=name)) as refused:
            with refused.cursor() as cursor:
                problems = postgres_search_install(cursor)
                cursor.execute("SELECT 1")  # the transaction is still usable
                assert cursor.fetchone() == (1,)
    finally:
        with psycopg.connect(_conninfo(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"DROP ROLE IF EXISTS {name}")
        postgres_search_features.cache_clear()

    assert len(problems) == 2
    assert "« unaccent »" in problems[0] and "« pg_trgm »" in problems[1]
    assert "CREATE EXTENSION IF NOT EXISTS unaccent;" in problems[0]
    assert "la recherche continue" in problems[0]


def test_the_command_says_what_is_active(postgres, capsys):
    call_command("search_postgres")

    assert "Extensions actives : unaccent, pg_trgm." in capsys.readouterr().out


def test_the_admin_page_search_ignores_accents_and_plurals(postgres):
    backend = get_search_backend()
    home = HomePage.objects.get(locale__language_code="fr")
    home.title = "Événements de Noël"
    backend.add(home)

    for text in ("evenement", "Événement", "noel"):
        assert home in list(backend.search(text, HomePage)), text


def test_autocomplete_ignores_accents(client, postgres, indexed, shop, product):
    with indexed():
        product("Crème fraîche d'Isigny", merchant=shop())

    labels = [
        r["label"]
        for r in client.get("/api/search/autocomplete/", {"q": "creme"}).json()["results"]
    ]

    assert "Crème fraîche d'Isigny" in labels
