"""The retention the privacy page promises, to run daily (idempotent)."""

from django.core.management.base import BaseCommand

from orne_site.privacy.services import privacy_purge_inactive


class Command(BaseCommand):
    help = (
        "Efface les comptes sans connexion depuis trois ans (hors agents et commerçants), "
        "anonymise les paiements d'invités passé leur durée de conservation et supprime les "
        "inscriptions refusées depuis plus d'un an. Sans effet si on le relance."
    )

    def handle(self, *args, **options):
        result = privacy_purge_inactive()
        self.stdout.write(
            f"{result.accounts_deleted} compte(s) effacé(s), "
            f"{result.guest_checkouts_anonymised} paiement(s) d'invités anonymisé(s), "
            f"{result.applications_deleted} inscription(s) refusée(s) supprimée(s)."
        )
