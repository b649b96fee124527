from django.core.management.base import BaseCommand

from orne_site.editorial.workflow import editorial_workflow_setup


class Command(BaseCommand):
    help = (
        "Crée (ou complète) les groupes « Rédacteurs » et « Responsable communication » et le "
        "circuit de validation éditoriale sur chaque page d'accueil. Sans effet s'il existe déjà."
    )

    def handle(self, *args, **options):
        workflow = editorial_workflow_setup()
        self.stdout.write(f"{workflow.name}: {workflow.workflow_tasks.count()} étapes")
