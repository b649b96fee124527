"""Tasks that only the tests enqueue (a worker process imports them from here)."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def first_run_hangs(*, directory: str) -> str:
    """The first run marks ``directory`` and hangs (its worker gets killed); later runs finish."""
    started = Path(directory) / "started"
    if started.exists():
        return "fini"
    started.write_text("1")
    time.sleep(600)
    return "jamais"
