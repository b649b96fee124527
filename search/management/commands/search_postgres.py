from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils.translation import gettext as _

from search.postgres import EXTENSIONS, postgres_search_features, postgres_search_install


class Command(BaseCommand):
    help = (
        "Active sur PostgreSQL les extensions unaccent et pg_trgm de la recherche française "
        "(sans effet sur SQLite). À lancer après qu'un administrateur de la base l'a permis, "
        "puis « search_rebuild »."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write(_("La base n'est pas PostgreSQL : rien à activer."))
            return
        with transaction.atomic(), connection.cursor() as cursor:
            problems = postgres_search_install(cursor)
        for problem in problems:
            self.stderr.write(problem)
        active = [name for name in EXTENSIONS if name in postgres_search_features()]
        if active:
            self.stdout.write(_("Extensions actives : %(names)s.") % {"names": ", ".join(active)})
