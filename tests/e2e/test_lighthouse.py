"""Lighthouse on each public page type, phone emulation: accessibility, best practices and
SEO are 100 (performance is printed by bench/lighthouse_bench.py, not asserted here)."""

import pytest

from tests.e2e.lighthouse import lighthouse_binary, lighthouse_run

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
# The basket is noindex on purpose (a visitor's own page): not an SEO page type.
PAGE_TYPES = ["home", "shop_index", "shop", "product", "search", "campaign", "news"]
CATEGORIES = ("accessibility", "best-practices", "seo")


def test_every_page_type_scores_100_in_accessibility_best_practices_and_seo(
    live_server, site_pages
):
    lighthouse_binary()
    results = {
        name: lighthouse_run(live_server.url + site_pages[name], categories=CATEGORIES)
        for name in PAGE_TYPES
    }

    below = {
        name: (result["scores"], result["failing"], result["error"])
        for name, result in results.items()
        if result["scores"] != {category: 100 for category in CATEGORIES}
    }
    assert below == {}
