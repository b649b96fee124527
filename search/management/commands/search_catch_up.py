from django.core.management.base import BaseCommand, CommandError

from search.services import search_catch_up


class Command(BaseCommand):
    help = (
        "Réindexe ce que le moteur de recherche a manqué pendant une panne. "
        "À lancer régulièrement (cron, timer systemd), comme publish_scheduled."
    )

    def handle(self, *args, **options):
        report = search_catch_up()
        if report.still_pending:
            raise CommandError(
                f"Moteur de recherche toujours injoignable : {report.still_pending} "
                f"mise(s) à jour en attente ({report.indexed} faite(s))."
            )
        self.stdout.write(f"{report.indexed} document(s) réindexé(s).")
