"""modelsearch opensearch2 backend with French analysis (see search.backends.engines)."""

from search.backends.engines import OpenSearch2Backend as SearchBackend

__all__ = ["SearchBackend"]
