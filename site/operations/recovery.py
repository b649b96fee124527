"""Tasks lost with their worker: found from the workers' heartbeats and run again.

django-tasks-db marks a task RUNNING when a worker claims it and only ever moves it on from
inside that worker: a worker killed by SIGKILL, the OOM killer or a lost machine leaves it
RUNNING for ever (the library has worker ids but no heartbeat, and its ``prune`` command
only deletes finished results). So each worker (our ``db_worker``, which wraps the
library's) writes a heartbeat row every TASK_WORKER_HEARTBEAT seconds from a thread, and
the scheduler calls ``tasks_recover_lost`` on each tick: a task RUNNING for longer than
TASK_WORKER_LOST_AFTER whose worker has not beaten for as long is marked failed (staff see
it, and it counts as an attempt, so a task that kills its worker every time stops after
TASK_MAX_ATTEMPTS) and enqueued again at once.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from orne_site.operations.models import WorkerHeartbeat
from orne_site.operations.tasks import task_retry_if_attempts_left

logger = logging.getLogger(__name__)
WORKER_LOST = "orne_site.operations.recovery.WorkerLost"


class WorkerLost(Exception):
    """The worker running the task stopped without saying how the task ended."""


def worker_heartbeat_beat(*, worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"beat_at": timezone.now()}
    )


def worker_heartbeat_forget(*, worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


class HeartbeatThread(threading.Thread):
    """Beats for ``worker_id`` until stopped, on its own database connection."""

    def __init__(self, *, worker_id: str, interval: float) -> None:
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.interval = interval
        self._stopped = threading.Event()

    def run(self) -> None:
        try:
            while not self._stopped.is_set():
                try:
                    worker_heartbeat_beat(worker_id=self.worker_id)
                except Exception:  # the database may be away a moment: beat again later
                    logger.warning("Heartbeat of worker %s not written", self.worker_id)
                    close_old_connections()
                self._stopped.wait(self.interval)
        finally:
            connection.close()

    def stop(self) -> None:
        self._stopped.set()
        self.join(timeout=self.interval + 5)


def _lost(result: DBTaskResult, worker_id: str) -> None:
    result.status = TaskResultStatus.FAILED
    result.finished_at = timezone.now()
    result.exception_class_path = WORKER_LOST
    result.traceback = f"{WORKER_LOST}: worker {worker_id} stopped while running this task"
    result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])


def tasks_recover_lost(*, now: datetime | None = None) -> int:
    """Mark failed and enqueue again each task whose worker is gone; return how many."""
    now = now or timezone.now()
    lost_before = now - timedelta(seconds=settings.TASK_WORKER_LOST_AFTER)
    alive = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=lost_before).values_list("worker_id", flat=True)
    )
    recovered = 0
    with transaction.atomic():
        running = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=lost_before)
            .select_for_update(skip_locked=True)
        )
        for result in running:
            worker_id = result.worker_ids[-1] if result.worker_ids else ""
            if worker_id in alive:
                continue
            _lost(result, worker_id)
            logger.error("Task %s lost with worker %s", result.task_path, worker_id)
            task_retry_if_attempts_left(db_result=result, immediately=True)
            recovered += 1
    # Workers stopped long ago: their rows only slow the query above down.
    WorkerHeartbeat.objects.filter(beat_at__lt=now - timedelta(days=1)).delete()
    return recovered
