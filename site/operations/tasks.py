"""Retries of failed tasks, and the periodic jobs the scheduler enqueues.

A task that raises is enqueued again, later each time (1, 4, 9 minutes...), until it has
failed TASK_MAX_ATTEMPTS times; every failed run stays in the queue's table with its
traceback, which staff read in Wagtail's admin (Paramètres › Tâches, orne_site.operations.
admin_views) and may run again from there. Retries only apply to the database queue: the
immediate backend runs in the caller's process, where a failure is the caller's to see.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus, task

logger = logging.getLogger(__name__)

# Every job the site needs on a timer: (command, seconds between two runs). One scheduler
# process (`manage.py run_scheduler`) enqueues them; the workers run them.
PERIODIC_JOBS: tuple[tuple[str, int], ...] = (
    ("publish_scheduled", 60),
    ("search_catch_up", 5 * 60),
    ("privacy_purge_inactive", 24 * 3600),
    ("import_previews_purge", 24 * 3600),
    ("prune_db_task_results", 24 * 3600),
    # The public results (/chiffres/): the page reads what this computed, never recomputes.
    ("figures_publish", 24 * 3600),
)
PERIODIC_COMMANDS = {name for name, _ in PERIODIC_JOBS}


@task()
def periodic_command_run(*, name: str) -> None:
    """Run one of PERIODIC_JOBS' management commands in a worker."""
    if name not in PERIODIC_COMMANDS:
        raise ValueError(f"{name!r} is not a periodic job")
    call_command(name)


def _failed_runs(db_result) -> int:
    return (
        type(db_result)
        .objects.filter(
            task_path=db_result.task_path,
            args_kwargs=db_result.args_kwargs,
            status=TaskResultStatus.FAILED,
        )
        .count()
    )


def task_enqueue_again(*, db_result, delay: timedelta) -> None:
    """Enqueue the task of ``db_result`` again, with the same arguments, after ``delay``."""
    task = db_result.task
    if delay:
        task = task.using(run_after=timezone.now() + delay)
    elif task.run_after is not None:
        # At once: no run_after at all (the immediate backend refuses one).
        task = dataclasses.replace(task, run_after=None)
    task.enqueue(*db_result.args_kwargs["args"], **db_result.args_kwargs["kwargs"])


def task_retry_if_attempts_left(*, db_result, immediately: bool = False) -> bool:
    """Enqueue a failed task again unless it failed TASK_MAX_ATTEMPTS times already."""
    failures = _failed_runs(db_result)
    if failures >= settings.TASK_MAX_ATTEMPTS:
        logger.error(
            "Task %s failed %d times: given up (see Tâches in the admin)",
            db_result.task_path,
            failures,
        )
        return False
    delay = timedelta(0) if immediately else timedelta(minutes=failures * failures)
    task_enqueue_again(db_result=db_result, delay=delay)
    logger.warning("Task %s failed (%d), retried in %s", db_result.task_path, failures, delay)
    return True


def task_retry_when_failed(sender, *, task_result, **kwargs) -> None:
    """task_finished receiver: enqueue a failed database-queue task again, with a delay."""
    db_result = getattr(task_result, "db_result", None)
    if task_result.status != TaskResultStatus.FAILED or db_result is None:
        return
    task_retry_if_attempts_left(db_result=db_result)
