"""The fault steps of load_bench.py, each under the browse and buy mixes together.

Each step runs Locust for ``--fault-seconds``: the fault at 5 s, undone 5 s before the end
(app process started again, Redis started again, search engine resumed, worker started
again), so that the next step starts on a whole stack. Per step: requests, 5xx, refused
connections, purchases, lost charges and, for the worker, the tasks run after its return.
"""

from __future__ import annotations

import os
import signal
import time

import redis
from load_audit import (
    payments_since,
    task_running_on,
    tasks_by_status,
    tasks_finished_since,
    tasks_running,
    tasks_waiting,
)
from stack import answers, wait_for

LEAD = 5  # seconds of normal traffic before the fault, and after it is undone


def fault_steps(*, stack, apps, services, locust, args, localstripe) -> list[dict]:
    from django.utils import timezone

    app_a_health = apps["app_a"].command[apps["app_a"].command.index("--bind") + 1]
    redis_url = f"redis://127.0.0.1:{args.port_base}/0"
    worker = apps["worker_1"]
    worker_id = worker.command[-1]
    notes: dict[str, str] = {}

    def restart_app() -> None:
        apps["app_a"].start()
        wait_for(lambda: answers(f"http://{app_a_health}/healthz"), seconds=60, what="app_a")

    def restart_redis() -> None:
        services["redis"].start()
        wait_for(lambda: _pings(redis_url), seconds=20, what="redis")

    def freeze_engine() -> None:
        os.kill(stack.search_engine_pid(), signal.SIGSTOP)

    def thaw_engine() -> None:
        os.kill(stack.search_engine_pid(), signal.SIGCONT)

    def kill_worker_mid_task() -> None:
        deadline = time.monotonic() + args.fault_seconds - 2 * LEAD - 1
        while time.monotonic() < deadline and not task_running_on(worker_id):
            time.sleep(0.005)
        notes["mid_task"] = "oui" if task_running_on(worker_id) else "non (aucune tâche en cours)"
        worker.kill()

    def restart_worker() -> None:
        notes["back_at"] = timezone.now()
        worker.start()

    steps = [
        ("kill app process A (SIGKILL)", apps["app_a"].kill, restart_app),
        ("stop Redis", services["redis"].stop, restart_redis),
        ("freeze OpenSearch (SIGSTOP)", freeze_engine, thaw_engine),
        ("SIGKILL worker 1 mid-task", kill_worker_mid_task, restart_worker),
    ]
    results = []
    for name, inject, undo in steps:
        since = timezone.now()
        run = locust(["Browser", "Buyer"], args.browsers + args.buyers, args.fault_seconds)
        time.sleep(LEAD)
        inject()
        time.sleep(max(1, args.fault_seconds - 2 * LEAD))
        undo()
        figures = run.figures()
        result = {
            "step": name,
            "figures": figures,
            "payments": payments_since(since=since, localstripe=localstripe),
        }
        if "back_at" in notes:
            # Let the queue drain with both workers back, and the scheduler run again the task
            # lost with the killed worker (TASK_WORKER_LOST_AFTER), then read what ran.
            deadline = time.monotonic() + 60
            while (tasks_waiting() or tasks_running()) and time.monotonic() < deadline:
                time.sleep(1)
            result["tasks"] = {
                "killed mid-task": notes["mid_task"],
                "completed after restart": tasks_finished_since(notes.pop("back_at")),
                "still waiting": tasks_waiting(),
                "left running": tasks_running(),
                "by status (step)": tasks_by_status(since=since),
            }
        results.append(result)
    return results


def _pings(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url).ping())
    except redis.exceptions.ConnectionError:
        return False
