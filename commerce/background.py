"""Enqueueing django-tasks work so that it only ever runs for committed data.

With the database queue (django-tasks-db) the task's row is written inside the caller's
transaction: it becomes visible to the workers at commit and vanishes with a rollback, and
no crash between the commit and the enqueue can lose it. Any other backend (the immediate
one of `make run` and the tests) would run the task at once, before the commit: there the
enqueue waits for `transaction.on_commit`.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends


def queue_is_transactional() -> bool:
    # By module path, not isinstance: commerce must not need django_tasks_db installed.
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    return type(backend).__module__.startswith("django_tasks_db")


def enqueue_after_commit(task, /, **kwargs) -> None:
    """Enqueue ``task`` with ``kwargs`` (JSON values) for when the current transaction commits."""
    if queue_is_transactional():
        task.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(**kwargs))
