"""The daily publication as a django-tasks task (the production scheduler enqueues it)."""

from __future__ import annotations

from django_tasks import task

from orne_site.opendata.services import opendata_publish


@task()
def opendata_publish_daily() -> int:
    """Returns the number of files written (task results are kept by some backends)."""
    return len(opendata_publish())
