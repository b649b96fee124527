"""Real Redis and S3-protocol (moto) servers for the production-stack tests.

Each is started here on a free loopback port, or taken from the environment (.ci/run:
TEST_S3_ENDPOINT); without its binary a test skips, and fails with CI=true.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from django.db import connection

from orne_site.settings.env import cache_from_url
from tests.services import free_port, require_service

REPO = Path(__file__).resolve().parents[3]


def _wait(probe, *, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe():
            return True
        time.sleep(0.1)
    return False


class RedisServer:
    """A throwaway redis-server (no persistence) that a test may stop."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)

        def answers() -> bool:
            try:
                return bool(client.ping())
            except redis.exceptions.ConnectionError:
                return False

        if not _wait(answers):
            self.stop()
            raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    require_service(shutil.which("redis-server") is not None, "redis-server is not installed")
    server = RedisServer()
    yield server
    server.stop()


def redis_cache_settings(url: str) -> dict:
    return {"default": cache_from_url(url)}


@pytest.fixture(scope="session")
def s3_endpoint():
    """An S3-protocol endpoint: TEST_S3_ENDPOINT (CI), else moto's server started here."""
    configured = os.environ.get("TEST_S3_ENDPOINT")
    if configured:
        yield configured
        return
    executable = Path(sys.executable).with_name("moto_server")
    require_service(executable.exists(), "moto[server] is not installed")
    port = free_port()
    process = subprocess.Popen(
        [str(executable), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        try:
            urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1)
            return True
        except OSError:
            return False

    try:
        require_service(_wait(answers), "moto's server did not start")
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


def subprocess_env(**extra: str) -> dict:
    """The environment of a second Django process on this test database."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
        url = f"postgres://{auth}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    else:
        url = f"sqlite:///{settings['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "orne_site.settings.test", "DATABASE_URL": url}
    env.update(extra)
    return env


def run_django(code: str, **env: str) -> str:
    """Run ``code`` in a fresh Python process with Django set up; return its stdout."""
    script = "import django; django.setup()\n" + code
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=subprocess_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip()
