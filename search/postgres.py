"""What PostgreSQL brings to the French search, when the database role may have it.

The database backend's matching is the same on SQLite and PostgreSQL (search.french,
search.database_match), so a council without a superuser still gets folding, plural,
prefix and typo matches. On PostgreSQL, two extensions add what SQLite cannot:
- `unaccent`, in two text search configurations: `orne_french` (accents folded, then
  PostgreSQL's French stemmer) for modelsearch's own index (the Wagtail admin's page and
  image search, the site's editorial search), `orne_simple` (folded, not stemmed) for its
  autocomplete: "creme" then finds « Crème fraîche » and « Événement » answers "evenement";
- `pg_trgm`, a trigram index on the vocabulary, so "did you mean" finds the nearest
  indexed words by index (the first letter may be wrong: "kamembert" → "camembert") rather
  than by reading every word of a similar length.

Typos of the text match itself stay a range of the vocabulary (same first letter, one
edit, search.database_match.typo_stems): trigrams are a poor measure of one edit in short
words ("pomme" and "pmome" share 2 of their 10 trigrams), and the range answers on SQLite too.

`postgres_search_install` is run by migration 0005 and by `manage.py search_postgres`; a
refusal (the role may not create extensions) is reported, never fatal: the search goes
on with the portable analysis and the system check (search.checks) says what to run.
"""

from __future__ import annotations

import functools

from django.db import connection
from django.utils.translation import gettext as _

EXTENSIONS = ("unaccent", "pg_trgm")
FRENCH_CONFIG = "orne_french"
AUTOCOMPLETE_CONFIG = "orne_simple"
WORD_TRIGRAM_INDEX = "product_search_word_trgm"
# (name, built-in configuration it copies, dictionary after unaccent)
FOLDED_CONFIGS = (
    (FRENCH_CONFIG, "french", "french_stem"),
    (AUTOCOMPLETE_CONFIG, "simple", "simple"),
)
INSUFFICIENT_PRIVILEGE = "42501"


def _error_code(error: Exception) -> str | None:
    # psycopg's own error (a raw connection) or Django's wrapper around it (a migration).
    for candidate in (error, error.__cause__):
        code = getattr(candidate, "sqlstate", None)
        if code:
            return code
    return None


def _installed(cursor) -> set[str]:
    cursor.execute(
        "SELECT extname FROM pg_extension WHERE extname = ANY(%s) "
        "UNION ALL SELECT cfgname FROM pg_ts_config WHERE cfgname = ANY(%s) "
        "UNION ALL SELECT indexname FROM pg_indexes WHERE indexname = %s",
        [list(EXTENSIONS), [FRENCH_CONFIG, AUTOCOMPLETE_CONFIG], WORD_TRIGRAM_INDEX],
    )
    return {row[0] for row in cursor.fetchall()}


def _try(cursor, statements: list[str]) -> str | None:
    """Run ``statements`` in a savepoint; the error code if the role was refused."""
    cursor.execute("SAVEPOINT orne_search_install")
    try:
        for statement in statements:
            cursor.execute(statement)
    except Exception as error:
        cursor.execute("ROLLBACK TO SAVEPOINT orne_search_install")
        if _error_code(error) != INSUFFICIENT_PRIVILEGE:
            raise
        return INSUFFICIENT_PRIVILEGE
    cursor.execute("RELEASE SAVEPOINT orne_search_install")
    return None


def _refused(extension: str) -> str:
    return _(
        "Le rôle de la base n'a pas le droit de créer l'extension PostgreSQL « %(extension)s » : "
        "la recherche continue avec l'analyse française intégrée, sans ce que l'extension "
        "apporte. Un administrateur de la base peut l'activer avec « CREATE EXTENSION IF NOT "
        "EXISTS %(extension)s; » (ou en donnant le droit CREATE sur la base), puis lancer "
        "« manage.py search_postgres » et « manage.py search_rebuild »."
    ) % {"extension": extension}


def postgres_search_install(cursor) -> list[str]:
    """Create what is missing of the extensions, configurations and index; idempotent.

    Takes a DB-API cursor inside a transaction (a migration's, or a raw connection's), and
    returns one message per extension the role was refused (nothing when all is there).
    """
    found = _installed(cursor)
    problems = []
    for extension in EXTENSIONS:
        if extension not in found and _try(cursor, [f"CREATE EXTENSION IF NOT EXISTS {extension}"]):
            problems.append(_refused(extension))
    found = _installed(cursor)
    if "unaccent" in found:
        for name, base, dictionary in FOLDED_CONFIGS:
            if name in found:
                continue
            # The words' mappings of a copy of the built-in configuration, unaccented first.
            _try(
                cursor,
                [
                    f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})",
                    f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
                    f"hword, hword_part, word WITH unaccent, {dictionary}",
                ],
            )
    if "pg_trgm" in found and WORD_TRIGRAM_INDEX not in found:
        # GiST, not GIN: only GiST orders by trigram distance (the nearest words first).
        _try(
            cursor,
            [
                f"CREATE INDEX IF NOT EXISTS {WORD_TRIGRAM_INDEX} ON product_search_searchword "
                "USING gist (word gist_trgm_ops)"
            ],
        )
    postgres_search_features.cache_clear()
    return problems


def postgres_search_uninstall(cursor) -> None:
    """Drop the configurations and the index (the extensions may serve others: kept)."""
    cursor.execute(f"DROP INDEX IF EXISTS {WORD_TRIGRAM_INDEX}")
    for name in (FRENCH_CONFIG, AUTOCOMPLETE_CONFIG):
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
    postgres_search_features.cache_clear()


@functools.cache
def postgres_search_features() -> frozenset[str]:
    """Names of what is installed of the above, on the default database (empty off PostgreSQL).

    Read once per process: the migration and the command clear it in their own process,
    another process sees the change at its next start (as it would a new setting).
    """
    if connection.vendor != "postgresql":
        return frozenset()
    with connection.cursor() as cursor:
        return frozenset(_installed(cursor))


def postgres_search_missing() -> list[str]:
    """The extensions missing on PostgreSQL (for the system check)."""
    if connection.vendor != "postgresql":
        return []
    features = postgres_search_features()
    return [extension for extension in EXTENSIONS if extension not in features]
