"""PostgreSQL's unaccent and pg_trgm for the French search (search.postgres).

Nothing on SQLite. On PostgreSQL a role refused the extensions only gets a message: the
search keeps its portable French analysis, and `manage.py search_postgres` installs them
later, once a database administrator allowed it.
"""

from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.postgres import postgres_search_install

    with schema_editor.connection.cursor() as cursor:
        for problem in postgres_search_install(cursor):
            print(f"\n  {problem}")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.postgres import postgres_search_uninstall

    with schema_editor.connection.cursor() as cursor:
        postgres_search_uninstall(cursor)


class Migration(migrations.Migration):
    dependencies = [
        ("product_search", "0004_search_term_match_index"),
    ]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
