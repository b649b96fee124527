"""The search app's settings, each with its default, read at call time."""

from __future__ import annotations

from django.conf import settings

# Wagtail's database backend, extended with the French word index (search/backends/database.py)
# that database searches read; a host project must name it in WAGTAILSEARCH_BACKENDS too, as
# Wagtail indexes through that setting.
DEFAULT_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}


def search_backends() -> dict:
    return getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or DEFAULT_BACKENDS


def query_timeout() -> float:
    """Seconds an engine gets to answer before the database backend answers instead."""
    return float(getattr(settings, "PRODUCT_SEARCH_QUERY_TIMEOUT", 1.0))
