"""The search app's settings, each with its default, read at call time."""

from __future__ import annotations

from django.conf import settings

# Wagtail's own default when a project sets no WAGTAILSEARCH_BACKENDS.
DEFAULT_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}


def search_backends() -> dict:
    return getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or DEFAULT_BACKENDS


def query_timeout() -> float:
    """Seconds an engine gets to answer before the database backend answers instead."""
    return float(getattr(settings, "PRODUCT_SEARCH_QUERY_TIMEOUT", 1.0))
