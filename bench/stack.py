"""The production stack on one machine, for bench/load_bench.py: start, fault, stop.

Every server listens on 127.0.0.1 only, on ports given by the caller, and is a child of
this process: ``Stack.stop_all`` (called from a ``finally`` and on SIGINT/SIGTERM) ends each
one, resuming a frozen one first so that it can die.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=1)
        return True
    except OSError as error:
        # An HTTP error status still means the server is listening.
        return hasattr(error, "code")


def wait_for(probe: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer within {seconds:.0f} s")


class Process:
    """One child process, started again with the same command after a fault."""

    def __init__(self, name: str, command: list[str], *, env: dict, log_dir: Path) -> None:
        self.name, self.command, self.env = name, command, env
        self.log_path = log_dir / f"{name}.log"
        self.popen: subprocess.Popen | None = None

    def start(self) -> Process:
        log = self.log_path.open("ab")
        # Own process group: a signal to the group reaches gunicorn's workers too.
        self.popen = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal_group(self, signum: int) -> None:
        if self.running():
            try:
                os.killpg(self.pid, signum)
            except ProcessLookupError:
                pass

    def kill(self) -> None:
        """SIGKILL, no goodbye: what a crashed machine or the OOM killer does."""
        self.signal_group(signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait(timeout=10)

    def stop(self) -> None:
        if not self.running():
            return
        self.signal_group(signal.SIGCONT)
        self.signal_group(signal.SIGTERM)
        try:
            self.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()


class Stack:
    """The children started so far, stopped in reverse order whatever happens."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.processes: list[Process] = []
        self.search_engine: dict | None = None

    def add(self, name: str, command: list[str], *, env: dict) -> Process:
        process = Process(name, command, env=env, log_dir=self.log_dir).start()
        self.processes.append(process)
        return process

    def search_engine_start(self, *, port: int, home: Path) -> str:
        """OpenSearch through the project's launcher; returns its SEARCH_URL."""
        env = {**os.environ, "SEARCH_ENGINE_PORT": str(port), "SEARCH_ENGINE_HOME": str(home)}
        script = str(ROOT / "tools/search-engines/opensearch/run.sh")
        self.search_engine = {"script": script, "env": env}
        done = subprocess.run(
            [script, "start"], env=env, capture_output=True, text=True, timeout=900, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"OpenSearch did not start: {done.stderr[-2000:]}")
        return done.stdout.strip().splitlines()[-1]

    def search_engine_pid(self) -> int:
        engine = self.search_engine
        assert engine is not None
        done = subprocess.run(
            [engine["script"], "pid"], env=engine["env"], capture_output=True, text=True
        )
        return int(done.stdout.strip())

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        if self.search_engine is not None:
            try:
                os.kill(self.search_engine_pid(), signal.SIGCONT)
            except (OSError, ValueError):
                pass
            subprocess.run(
                [self.search_engine["script"], "stop"],
                env=self.search_engine["env"],
                capture_output=True,
                timeout=60,
                check=False,
            )
            self.search_engine = None
