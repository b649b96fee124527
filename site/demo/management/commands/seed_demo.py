import sys

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backends_with_name

from orne_site.demo.seeding import ADMIN_PASSWORD, ADMIN_USERNAME, demo_seed
from search.rebuild import search_indexes_rebuild


class Command(BaseCommand):
    help = "Construit une place de marché de démonstration (idempotent, déterministe)."

    def add_arguments(self, parser):
        parser.add_argument("--merchants", type=int, default=40, help="Nombre de commerçants.")
        parser.add_argument("--products", type=int, default=800, help="Nombre d'articles.")
        parser.add_argument("--seed", type=int, default=61, help="Graine du hasard.")

    def handle(self, *args, merchants, products, seed, **options):
        report = demo_seed(
            merchants=merchants, products=products, seed=seed, progress=self._progress
        )
        if report.products_created or report.merchants_created:
            # The bulk product service indexes each batch after its commit; the rebuild also
            # builds an engine's index and alias on a first run (search.rebuild).
            for name, _backend in get_search_backends_with_name(with_auto_update=True):
                search_indexes_rebuild(backend_name=name)
        self.stdout.write(
            f"\n{report.merchants_created} commerçants, {report.products_created} articles, "
            f"{report.images_created} photos, {report.orders_created} commandes créés. "
            f"Administration : /admin/ ({ADMIN_USERNAME} / {ADMIN_PASSWORD})."
        )

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        bar = "█" * filled + "·" * (width - filled)
        stream = self.stdout if sys.stdout.isatty() else None
        if stream:
            stream.write(f"\rArticles [{bar}] {done}/{total}", ending="")
