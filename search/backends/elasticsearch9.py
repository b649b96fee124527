"""modelsearch elasticsearch9 backend with French analysis (see search.backends.engines)."""

from search.backends.engines import Elasticsearch9Backend as SearchBackend

__all__ = ["SearchBackend"]
