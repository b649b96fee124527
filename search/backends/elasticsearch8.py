"""modelsearch elasticsearch8 backend with French analysis (see search.backends.engines)."""

from search.backends.engines import Elasticsearch8Backend as SearchBackend

__all__ = ["SearchBackend"]
