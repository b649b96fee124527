from django.core.management.base import BaseCommand

from orne_site.opendata.services import opendata_publish


class Command(BaseCommand):
    help = (
        "Génère les fichiers de données ouvertes (/donnees/), datés, dans le stockage des médias."
    )

    def handle(self, *args, **options):
        for published in opendata_publish():
            self.stdout.write(f"{published.path} ({published.rows} lignes)")
