"""django-tasks-db's `db_worker`, with a heartbeat so that a dead worker's task is run again.

Same name and options as the library's command (this app comes first in INSTALLED_APPS, so
this one is found): the systemd units, compose file and tests keep `manage.py db_worker`.
orne_site.operations.recovery says what the heartbeat is for.
"""

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as LibraryWorkerCommand

from orne_site.operations.recovery import HeartbeatThread, worker_heartbeat_forget


class Command(LibraryWorkerCommand):
    help = "Exécute les tâches de la file en base de données, en signalant qu'il est en vie."

    def handle(self, *args, worker_id: str, **options):
        heartbeat = HeartbeatThread(worker_id=worker_id, interval=settings.TASK_WORKER_HEARTBEAT)
        heartbeat.start()
        try:
            return super().handle(*args, worker_id=worker_id, **options)
        finally:
            heartbeat.stop()
            # A clean exit says so at once: nothing of this worker's can be running now.
            worker_heartbeat_forget(worker_id=worker_id)
