"""The one scheduler: enqueues the periodic jobs (orne_site.operations.tasks.PERIODIC_JOBS).

Run exactly one (a systemd unit, a compose service). Each job is claimed with cache.add()
for its interval, so with REDIS_URL a second scheduler started by mistake enqueues nothing
twice; a restart runs every job once at start (they are all idempotent). Each tick also runs
again the tasks lost with a worker that died (orne_site.operations.recovery).
"""

import time

from django.core.cache import cache
from django.core.management.base import BaseCommand

from orne_site.operations.recovery import tasks_recover_lost
from orne_site.operations.tasks import PERIODIC_JOBS, periodic_command_run


class Command(BaseCommand):
    help = "Met en file d'attente les tâches périodiques (publication programmée, index, purges)."

    def add_arguments(self, parser):
        parser.add_argument("--tick", type=float, default=15.0, help="secondes entre deux tours")
        parser.add_argument("--once", action="store_true", help="un seul tour, puis quitter")

    def handle(self, *args, tick: float, once: bool, **options):
        started: dict[str, float] = {}
        while True:
            now = time.monotonic()
            for name, interval in PERIODIC_JOBS:
                if now - started.get(name, -interval) < interval:
                    continue
                started[name] = now
                if cache.add(f"scheduler:{name}", 1, timeout=interval):
                    periodic_command_run.enqueue(name=name)
                    self.stdout.write(f"{name} mise en file")
            recovered = tasks_recover_lost()
            if recovered:
                self.stdout.write(f"{recovered} tâche(s) perdue(s) avec leur processus relancée(s)")
            if once:
                return
            time.sleep(tick)
