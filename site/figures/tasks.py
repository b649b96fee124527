"""The daily computation of the public results as a django-tasks task."""

from __future__ import annotations

from django_tasks import task

from orne_site.figures.public import public_figures_publish


@task()
def public_figures_publish_daily() -> str:
    """Returns when the figures were computed (task results are kept by some backends)."""
    return public_figures_publish().computed_at.isoformat()
