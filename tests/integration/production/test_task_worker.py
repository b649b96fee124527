"""The database task queue with a real worker process (manage.py db_worker)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from django.core import mail
from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from checkout.tasks import checkout_orders_placed_notify_task
from commerce.background import enqueue_after_commit
from commerce.order.models import Checkout
from orne_site.operations.tasks import periodic_command_run

from .conftest import REPO, subprocess_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _run_worker(tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=REPO,
        env=subprocess_env(
            TEST_TASK_BACKEND="database",
            TEST_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            TEST_EMAIL_FILE_PATH=str(tmp_path),
        ),
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def test_a_task_enqueued_in_a_transaction_runs_in_the_worker_after_commit(database_queue, tmp_path):
    with transaction.atomic():
        enqueue_after_commit(periodic_command_run, name="import_previews_purge")
        # Written in this transaction (so it commits or rolls back with it), invisible to
        # the workers' connections until the commit.
        assert DBTaskResult.objects.count() == 1
    assert DBTaskResult.objects.ready().count() == 1

    worker = _run_worker(tmp_path)

    assert worker.returncode == 0, worker.stderr[-2000:]
    result = DBTaskResult.objects.get()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.worker_ids  # run by the worker process, not by this one


def test_a_task_enqueued_in_a_rolled_back_transaction_never_runs(database_queue, tmp_path):
    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        enqueue_after_commit(periodic_command_run, name="import_previews_purge")
        raise Refused

    assert DBTaskResult.objects.count() == 0
    assert _run_worker(tmp_path).returncode == 0
    assert DBTaskResult.objects.count() == 0


def test_the_purchase_emails_are_sent_by_the_worker(database_queue, tmp_path):
    checkout = Checkout.objects.create(
        number="ORN-TASK-1", email="claire@example.org", amount=Decimal("12.50")
    )
    enqueue_after_commit(checkout_orders_placed_notify_task, checkout_id=checkout.pk)
    assert mail.outbox == []  # not sent in this (the request's) process

    worker = _run_worker(tmp_path)

    assert worker.returncode == 0, worker.stderr[-2000:]
    sent = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "claire@example.org" in sent
    assert checkout.number in sent


def test_a_failed_task_is_kept_with_its_error_and_retried_later(database_queue, tmp_path):
    periodic_command_run.enqueue(name="not_a_job")

    _run_worker(tmp_path)

    failed = DBTaskResult.objects.failed().get()
    assert (
        "not a periodic job"
        in failed.traceback + failed.exception_class_path + str(failed.return_value)
        or failed.exception_class_path == "builtins.ValueError"
    )
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs == failed.args_kwargs
    assert retry.run_after > failed.finished_at
