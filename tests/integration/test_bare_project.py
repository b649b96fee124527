"""The four apps boot in a bare Wagtail + Oscar project without orne_site (issue 16).

tests/bare_project/boot.py runs in a subprocess with tests.bare_project.settings (no site
settings, none of the marketplace's own settings), migrates a new SQLite database in a
temporary folder, onboards a shop with one article, and saves the HTML of the shop page,
the basket after adding the article, and a search. Most of its minute is the migration.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("bare_project")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bare_project.settings",
        "BARE_PROJECT_DIR": str(folder),
    }
    for name in ("DATABASE_URL", "SEARCH_URL", "TEST_SEARCH_URL"):
        env.pop(name, None)
    run = subprocess.run(
        [sys.executable, "-m", "tests.bare_project.boot", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    return json.loads((folder / "pages.json").read_text(encoding="utf-8"))


def test_bare_project_never_imports_the_site_package(pages):
    assert pages["site_modules_loaded"] == []


def test_shop_page_renders_under_a_site_root_below_the_welcome_page(pages):
    shop = pages["shop"]
    assert shop["status"] == 200
    # The default Site's root was moved one level down: the shop list went under it.
    assert shop["url"].startswith("/commercants/")
    assert "<h1>Fromagerie du Bocage</h1>" in shop["html"]
    assert "Camembert fermier" in shop["html"]
    assert "6,50" in shop["html"]
    assert "Bourg-sur-Test, projet nu" in shop["html"]  # the project's own base.html


def test_basket_shows_the_added_line_grouped_by_shop(pages):
    assert pages["basket_add"]["status"] == 302
    basket = pages["basket"]
    assert basket["status"] == 200
    assert 'data-shop="fromagerie-du-bocage-alencon"' in basket["html"]
    assert 'value="2"' in basket["html"]
    assert "13,00\xa0€" in basket["html"]
    # The title names the project (WAGTAIL_SITE_NAME) without a site context processor.
    assert "<title>Votre panier · Bourg-sur-Test</title>" in basket["html"]


def test_search_on_the_database_backend_finds_the_article(pages):
    search = pages["search"]
    assert search["status"] == 200
    assert "Résultats pour « camembert »" in search["html"]
    assert "Camembert fermier" in search["html"]
    assert "Fromages" in search["html"]
