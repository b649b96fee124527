"""axe-core finds no WCAG 2.1 A/AA violation on the personal data pages, in Chromium."""

import pytest

from orne_site.privacy.tokens import privacy_token_make
from tests.e2e.axe import axe_script, axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def axe():
    return axe_script()


def test_request_form_with_its_errors_has_no_wcag_violation(live_server, page, axe):
    page.goto(live_server.url + "/donnees-personnelles/demande/")
    page.fill("input[name=email]", "pas-une-adresse")
    page.click("main form button[type=submit]")

    assert "Le formulaire contient" in page.locator("main").inner_text()
    violations = axe_violations(page, axe)
    assert violations == [], describe(violations)


def test_link_page_with_export_and_erasure_has_no_wcag_violation(live_server, page, axe):
    token = privacy_token_make(email="marie@example.org")
    page.goto(f"{live_server.url}/donnees-personnelles/acces/{token}/")

    assert "Effacer mes données" in page.locator("main").inner_text()
    violations = axe_violations(page, axe)
    assert violations == [], describe(violations)
