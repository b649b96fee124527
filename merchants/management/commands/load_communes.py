from django.core.management.base import BaseCommand

from merchants.communes import communes_sync_from_file
from merchants.models import Commune, Intercommunality


class Command(BaseCommand):
    help = "Met à jour les communes de l'Orne depuis merchants/data/communes_orne.json."

    def handle(self, *args, **options):
        counts = communes_sync_from_file(
            commune_model=Commune, intercommunality_model=Intercommunality
        )
        self.stdout.write(
            f"{counts['communes']} communes ({counts['created']} nouvelles), "
            f"{counts['intercommunalities']} intercommunalités."
        )
