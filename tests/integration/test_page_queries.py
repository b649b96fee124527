"""SQL queries of each public page type, pinned, at two sizes of the demo data: the count
must not grow with the number of shops and products (bench/pages_bench.py times them at
100,000 products and 500 shops)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.page_types import page_urls

pytestmark = pytest.mark.django_db

# Warm (second) request of an anonymous visitor; the listing without a query (the search
# facets on the database backend) is measured by the bench only. What every page reads
# (route, Site, locales, menu, footer, view restrictions) comes from the sitewide memo
# (orne_site.editorial.sitewide): these are the page's own queries. Issue 17 asks for at
# most 15 on every page type.
PINNED = {
    "home": 10,
    "shops index": 5,
    "shops index p.2": 5,
    "shop": 6,
    "product": 12,
    "category listing": 5,
    "search": 8,
    "campaigns index": 2,
    "campaign": 7,
    "news index": 3,
    "news": 1,
    "basket": 0,
}


def page_queries(client) -> dict[str, int]:
    counts = {}
    for name, url in page_urls().items():
        if name not in PINNED:
            continue
        client.get(url, follow=True)  # renditions and caches are made on a first view
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, follow=True)
        assert response.status_code == 200, name
        counts[name] = len(captured)
    return counts


def test_public_pages_query_counts_are_pinned_and_do_not_grow(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("seed_demo", merchants=3, products=12)
    small = page_queries(client)
    call_command("seed_demo", merchants=30, products=120)
    large = page_queries(client)

    assert large == small
    assert small == PINNED
