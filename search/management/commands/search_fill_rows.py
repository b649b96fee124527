from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from search.database_rows import product_rows_fill


class Command(BaseCommand):
    help = (
        "Remplit la table des filtres de la recherche en base (une ligne par article indexé) : "
        "après la migration qui l'a créée, ou une restauration. Les autres index ne changent pas."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=1000)

    def handle(self, *args, chunk_size, **options):
        count = product_rows_fill(chunk_size=chunk_size)
        message = ngettext(
            "%(count)d article prêt pour les filtres.",
            "%(count)d articles prêts pour les filtres.",
            count,
        )
        self.stdout.write(message % {"count": count})
