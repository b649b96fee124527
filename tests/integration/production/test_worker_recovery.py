"""A task whose worker is killed (SIGKILL) mid-run is run again, and nothing is lost."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from orne_site.operations.models import WorkerHeartbeat
from orne_site.operations.recovery import WORKER_LOST, tasks_recover_lost
from tests.tasks import first_run_hangs

from .conftest import REPO, _wait, subprocess_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
LOST_AFTER = 2.0  # seconds without a heartbeat (every 0.2 s) before a worker counts as gone
WORKER_ENV = {"TEST_TASK_BACKEND": "database", "TASK_WORKER_HEARTBEAT": "0.2"}


@pytest.fixture
def database_queue(settings, postgres):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_WORKER_LOST_AFTER = LOST_AFTER


def _worker(*extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--interval",
            "0.2",
            *extra,
        ],
        cwd=REPO,
        env=subprocess_env(**WORKER_ENV),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_a_task_lost_with_a_killed_worker_runs_again_in_another(database_queue, tmp_path):
    first_run_hangs.enqueue(directory=str(tmp_path))
    worker = _worker()
    try:
        assert _wait(lambda: (tmp_path / "started").exists(), seconds=60), "task never started"
        running = DBTaskResult.objects.get()
        assert running.status == TaskResultStatus.RUNNING
        worker_id = running.worker_ids[-1]
        assert _wait(lambda: WorkerHeartbeat.objects.filter(worker_id=worker_id).exists())
        # Alive and beating: however long the task has run, it is left alone.
        assert _wait(lambda: timezone.now() - running.started_at > timedelta(seconds=LOST_AFTER))
        assert tasks_recover_lost() == 0
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    assert (
        DBTaskResult.objects.get().status == TaskResultStatus.RUNNING
    )  # stuck, as the library leaves it
    beat_at = WorkerHeartbeat.objects.get(worker_id=worker_id).beat_at
    assert _wait(lambda: timezone.now() - beat_at > timedelta(seconds=LOST_AFTER))
    assert WorkerHeartbeat.objects.get(worker_id=worker_id).beat_at == beat_at  # no more beats

    assert tasks_recover_lost() == 1

    lost = DBTaskResult.objects.get(pk=running.pk)
    assert lost.status == TaskResultStatus.FAILED
    assert lost.exception_class_path == WORKER_LOST
    again = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=REPO,
        env=subprocess_env(**WORKER_ENV),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    rerun = DBTaskResult.objects.exclude(pk=running.pk).get()
    assert rerun.status == TaskResultStatus.SUCCESSFUL
    assert rerun.return_value == "fini"
    assert not WorkerHeartbeat.objects.exclude(worker_id=worker_id).exists()  # clean exit


def test_a_task_that_kills_its_worker_every_time_is_given_up(database_queue, settings, tmp_path):
    settings.TASK_MAX_ATTEMPTS = 2
    first_run_hangs.enqueue(directory=str(tmp_path))
    later = timezone.now() + timedelta(hours=1)
    for _ in range(3):
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
            status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["disparu"]
        )
        tasks_recover_lost(now=later)

    assert DBTaskResult.objects.failed().count() == 2
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.FAILED).exists()
