"""What staff read about the task queue (the Tâches page in Wagtail's admin)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# The library's labels are English ("Ready"); staff read these.
STATUS_LABELS = {
    TaskResultStatus.READY: _("En attente"),
    TaskResultStatus.RUNNING: _("En cours"),
    TaskResultStatus.FAILED: _("En échec"),
    TaskResultStatus.SUCCESSFUL: _("Réussies"),
}


@dataclass(frozen=True)
class FailedTask:
    id: str
    name: str
    error: str
    attempts: int
    last_try: datetime | None


def _arguments_key(task_path: str, args_kwargs) -> str:
    return task_path + json.dumps(args_kwargs, sort_keys=True)


def task_counts_by_status() -> list[tuple[str, int]]:
    counts = dict(DBTaskResult.objects.order_by().values_list("status").annotate(n=Count("id")))
    return [(label, counts.get(status, 0)) for status, label in STATUS_LABELS.items()]


def _task_label(result: DBTaskResult) -> str:
    """The task's name, with its first argument when that is a short text ("periodic_command_run
    · search_catch_up"): one generic task runs every scheduled command."""
    call = result.args_kwargs or {}
    values = [*(call.get("args") or []), *(call.get("kwargs") or {}).values()]
    if values and isinstance(values[0], str) and len(values[0]) <= 60:
        return f"{result.task_name} · {values[0]}"
    return result.task_name


def _error_summary(result: DBTaskResult) -> str:
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else result.exception_class_path


def tasks_failed(*, limit: int = 50) -> list[FailedTask]:
    """The latest failed runs, each with how many times the same call has failed."""
    results = list(DBTaskResult.objects.failed().order_by("-finished_at")[:limit])
    paths = {result.task_path for result in results}
    attempts: dict[str, int] = {}
    failed_runs = (
        DBTaskResult.objects.failed()
        .filter(task_path__in=paths)
        .order_by()
        .values_list("task_path", "args_kwargs")
    )
    for task_path, args_kwargs in failed_runs:
        key = _arguments_key(task_path, args_kwargs)
        attempts[key] = attempts.get(key, 0) + 1
    return [
        FailedTask(
            id=str(result.pk),
            name=_task_label(result),
            error=_error_summary(result),
            attempts=attempts[_arguments_key(result.task_path, result.args_kwargs)],
            last_try=result.finished_at or result.started_at,
        )
        for result in results
    ]
