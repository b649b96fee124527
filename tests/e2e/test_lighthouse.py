"""Lighthouse on every public page type, phone emulation: accessibility, best practices and
SEO are 100 (performance is printed by bench/lighthouse_bench.py, not asserted here).

A shopper's own pages are scored as that shopper's browser sees them (its cookies). The
payment, confirmation and follow-up pages say noindex on purpose (an address, a total):
there SEO may lose "is-crawlable", and nothing else.
"""

import pytest

from tests.e2e.lighthouse import lighthouse_binary, lighthouse_run

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # No Playwright browser here to bring that fixture: without it, this transactional test
    # left a reused test database without its communes for the next run.
    pytest.mark.usefixtures("restore_migration_data_at_exit"),
]
PAGE_TYPES = [
    "home",
    "shop_index",
    "shop",
    "product",
    "category_listing",
    "search",
    "basket",
    "campaign_index",
    "campaign",
    "news_index",
    "news",
    "legal",
    "signup",
    "home_en",
    "shop_en",
    "product_en",
    "search_en",
    "legal_en",
]
SHOPPER_PAGES = ["basket_lines", "checkout", "payment", "confirmation", "follow"]
NOINDEX = {"payment", "confirmation", "follow"}
CATEGORIES = ("accessibility", "best-practices", "seo")


def allowed_to_fail(name: str) -> set[tuple[str, str]]:
    return {("seo", "is-crawlable")} if name in NOINDEX else set()


def test_every_page_type_scores_100_in_accessibility_best_practices_and_seo(
    live_server, site_pages, shopper_pages
):
    lighthouse_binary()
    pages = {name: (site_pages[name], "") for name in PAGE_TYPES}
    pages.update((name, shopper_pages[name]) for name in SHOPPER_PAGES)
    results = {
        name: lighthouse_run(live_server.url + path, categories=CATEGORIES, cookie=cookie)
        for name, (path, cookie) in pages.items()
    }

    def short(name: str, result: dict) -> bool:
        if result["error"] or set(result["failing_ids"]) - allowed_to_fail(name):
            return True
        expected = {category: 100 for category in CATEGORIES}
        if name in NOINDEX:  # its SEO score is whatever "is-crawlable" leaves
            expected["seo"] = result["scores"].get("seo")
        return result["scores"] != expected

    below = {
        name: (result["scores"], result["failing"], result["error"])
        for name, result in results.items()
        if short(name, result)
    }
    assert below == {}
    # The pages that must stay out of search engines do, and only those.
    noindex = {
        name for name, result in results.items() if ("seo", "is-crawlable") in result["failing_ids"]
    }
    assert noindex == NOINDEX
