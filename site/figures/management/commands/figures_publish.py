from django.core.management.base import BaseCommand

from orne_site.figures.public import public_figures_publish


class Command(BaseCommand):
    help = "Calcule les chiffres publics de la place de marché (/chiffres/) et les enregistre."

    def handle(self, *args, **options):
        published = public_figures_publish()
        self.stdout.write(f"Chiffres calculés le {published.computed_at:%Y-%m-%d %H:%M}")
