"""A version number of the database backend's index, for what is computed from it.

Every write to the database backend's index (search.backends.database: an indexed product
or shop changed, a stock record, a price, a category or a commune renamed, a rebuild) and
every synonym change bumps it (and again after commit). Facet counts kept in the cache
under a key carrying the version (search.database_facets) are then out of reach at once:
the listing's facets are computed once per change, not per request, and never outlive the
data they count. The first page of a listing without words is kept the same way
(search.database_query).
"""

from __future__ import annotations

import hashlib

from django.db import transaction

from commerce.generations import generation_bump, generation_read

VERSION_KEY = "product_search:index-version"


def search_index_version() -> int:
    return generation_read(VERSION_KEY)


def versioned_key(name: str, *parts) -> str:
    """A cache key for what ``parts`` compute from the index as it is now.

    The version is read first: what is computed while a change commits is kept under the
    version that change makes stale, never under the next one.
    """
    text = repr((search_index_version(), *parts))
    return f"product_search:{name}:" + hashlib.sha256(text.encode()).hexdigest()


def _bump() -> None:
    generation_bump(VERSION_KEY)


def search_index_changed() -> None:
    """The index changed: bump the version now, and again once the transaction commits.

    Now, so that the rest of the transaction (a staff member's request adding a synonym,
    then searching) counts its own writes; after commit, as a request in between would
    count the old rows and keep them under the first bump's version.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)
