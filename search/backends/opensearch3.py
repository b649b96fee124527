"""modelsearch opensearch3 backend with French analysis (see search.backends.engines)."""

from search.backends.engines import OpenSearch3Backend as SearchBackend

__all__ = ["SearchBackend"]
