"""System checks (database): PostgreSQL runs the French search without its extensions, or
the database backend's filter rows were never filled (search.database_rows).

Both read the default database, the search's, and only when asked for it (`migrate`,
`check --database default`): Django asks database checks of no database at every
command's start.
"""

from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _


@checks.register(checks.Tags.database)
def postgres_search_extensions(app_configs, databases=None, **kwargs) -> list[checks.CheckMessage]:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    from search.postgres import postgres_search_missing

    if "default" not in (databases or ()):
        return []  # asked of another database, or of none (every command's start)
    try:
        # Before migration 0005, nothing was asked yet: the first `migrate` installs them.
        applied = MigrationRecorder(connection).applied_migrations()
        if ("product_search", "0005_postgresql_french") not in applied:
            return []
        missing = postgres_search_missing()
    except DatabaseError:
        return []  # no database yet (a first `migrate` reports that itself)
    if not missing:
        return []
    return [
        checks.Warning(
            _("Recherche : extensions PostgreSQL absentes (%(names)s).")
            % {"names": ", ".join(missing)},
            hint=_(
                "Sans elles, les accents de l'autocomplétion et de la recherche de l'admin "
                "comptent et « Vouliez-vous dire » est plus lent. Un administrateur de la base "
                "peut lancer « CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF "
                "NOT EXISTS pg_trgm; », puis « manage.py search_postgres » et "
                "« manage.py search_rebuild »."
            ),
            id="product_search.W001",
        )
    ]


@checks.register(checks.Tags.database)
def search_rows_filled(app_configs, databases=None, **kwargs) -> list[checks.CheckMessage]:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    from search.models import SearchableProduct, SearchProductRow

    if "default" not in (databases or ()):
        return []
    try:
        applied = MigrationRecorder(connection).applied_migrations()
        if ("product_search", "0006_search_product_rows") not in applied:
            return []
        empty = not SearchProductRow.objects.exists()
        if not empty or not SearchableProduct.get_indexed_objects().exists():
            return []
    except DatabaseError:
        return []
    return [
        checks.Warning(
            _(
                "Recherche en base : la table des filtres est vide alors que des articles "
                "sont en ligne."
            ),
            hint=_(
                "La recherche en base et ses listes n'affichent aucun article tant qu'elle est "
                "vide : lancez « manage.py search_fill_rows »."
            ),
            id="product_search.W002",
        )
    ]
