"""axe-core finds no WCAG 2.1 A/AA violation on the public page types, in Chromium."""

import pytest

from tests.e2e.axe import axe_script, axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="session")
def axe():
    return axe_script()


OUR_PAGES = [
    "home",
    "home_en",
    "campaign_index",
    "campaign",
    "news_index",
    "news",
    "legal",
    "shop_index",
    "shop",
    "product",
    "basket",
    "search",
    "figures",
    "figures_en",
]


@pytest.mark.parametrize("name", OUR_PAGES)
def test_page_has_no_wcag_violation(live_server, page, site_pages, axe, name):
    page.goto(live_server.url + site_pages[name])
    if name == "search":  # checked with results and facets on screen, not an empty page
        assert "Camembert au lait cru" in page.locator("main").inner_text()

    violations = axe_violations(page, axe)

    assert violations == [], f"{name}:\n{describe(violations)}"


def test_axe_reports_what_it_should(page, axe):
    # The harness itself: a page with an unlabelled image and field must fail.
    page.set_content('<html lang="fr"><title>t</title><main><img src="x.png"><input></main>')

    ids = {violation["id"] for violation in axe_violations(page, axe)}

    assert {"image-alt", "label"} <= ids
