import os

import pytest

from tests.e2e.site_pages import shopper_pages, site_pages  # noqa: F401  (fixtures for every browser test)

# Playwright's sync API runs an asyncio loop in the test's thread; Django would then refuse
# database access from fixtures. The loop only drives the browser, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # No network beyond loopback here: stop Chromium from calling home at start.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(chromium_executable, django_db_setup, restore_migration_data_at_exit):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs on greenlets, and each greenlet gets its own context, hence
    # its own Django connection objects, which lack the test database's serialized contents
    # that `serialized_rollback` restores between live-server tests. Share them class-wide.
    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            type(connection)._test_serialized_contents = contents

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
