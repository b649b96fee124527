"""The project's wiring: stdlib `site` untouched, the right commands win, deploy check clean."""

import os
import subprocess
import sys
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def run_python(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env or os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_stdlib_site_is_not_shadowed_by_the_site_folder():
    result = run_python(
        "-c", "import site, orne_site; print(site.__file__); print(orne_site.__file__)"
    )
    stdlib_site, orne_site = result.stdout.split()
    assert "site-packages" not in stdlib_site and not stdlib_site.startswith(str(ROOT))
    assert orne_site == str(ROOT / "site" / "__init__.py")


def test_wagtail_update_index_wins_over_haystack():
    assert get_commands()["update_index"] == "wagtail.search"


def test_check_deploy_is_clean_with_production_variables():
    env = os.environ.copy()
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own thread
    env.update(
        DJANGO_SETTINGS_MODULE="orne_site.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="marche.orne.example",
        DATABASE_URL=env.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'deploy-check.sqlite3'}"),
    )
    result = run_python("manage.py", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_theme_stylesheet_linked_by_the_base_template_is_served():
    assert finders.find("orne_site/css/site.css")
    assert "orne_site/css/site.css" in (ROOT / "templates" / "base.html").read_text()
