"""A version number of the database backend's index, for what is computed from it.

Every write to the database backend's index (search.backends.database: an indexed product
or shop changed, a stock record, a price, a category or a commune renamed, a rebuild) and
every synonym change bumps it (and again after commit). Facet counts kept in the cache
under a key carrying the version (search.database_facets) are then out of reach at once:
the listing's facets are computed once per change, not per request, and never outlive the
data they count.
"""

from __future__ import annotations

from django.db import transaction

from commerce.generations import generation_bump, generation_read

VERSION_KEY = "product_search:index-version"


def search_index_version() -> int:
    return generation_read(VERSION_KEY)


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
