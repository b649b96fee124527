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
# facets on the database backend) is measured by the bench only.
PINNED = {
    "home": 28,
    "shops index": 18,
    "shops index p.2": 18,
    "shop": 23,
    "product": 28,
    "category listing": 12,
    "search": 14,
    "campaigns index": 16,
    "campaign": 24,
    "news index": 17,
    "news": 16,
    "basket": 6,
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
