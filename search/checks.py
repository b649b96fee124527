"""System check: say when PostgreSQL runs the French search without its extensions."""

from django.core import checks
from django.db import DatabaseError
from django.utils.translation import gettext as _


@checks.register(checks.Tags.database)
def postgres_search_extensions(app_configs, **kwargs) -> list[checks.CheckMessage]:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    from search.postgres import postgres_search_missing

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
