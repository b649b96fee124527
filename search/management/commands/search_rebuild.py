import sys

from django.core.management.base import BaseCommand

from search.rebuild import search_indexes_rebuild


class Command(BaseCommand):
    help = (
        "Reconstruit les index de recherche (articles, boutiques) dans un nouvel index, "
        "puis bascule l'alias dessus : la recherche reste disponible pendant ce temps."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="Moteur (WAGTAILSEARCH_BACKENDS).")
        parser.add_argument("--chunk-size", type=int, default=1000)

    def handle(self, *args, backend, chunk_size, **options):
        report = search_indexes_rebuild(
            backend_name=backend, chunk_size=chunk_size, progress=self._progress
        )
        for label, count in report.counts.items():
            self.stdout.write(f"\n{label} : {count} documents indexés.")

    def _progress(self, label: str, done: int, total: int) -> None:
        if not sys.stdout.isatty():
            # In a log, one line per tenth rather than one per chunk.
            tenth = done * 10 // max(total, 1)
            if tenth == getattr(self, "_last_tenth", None) and done < total:
                return
            self._last_tenth = tenth
        width = 30
        filled = width * done // max(total, 1)
        bar = "█" * filled + "·" * (width - filled)
        ending = "\n" if done >= total or not sys.stdout.isatty() else ""
        self.stdout.write(f"\r{label} [{bar}] {done}/{total}", ending=ending)
