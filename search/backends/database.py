"""modelsearch's database backend (SQLite FTS5 / PostgreSQL full text), plus the French index.

The backend modelsearch picks for the database vendor is kept (its index entries still
serve autocomplete); its index class also writes search.models.SearchTerm through
search.database_text and the products' narrow rows (search.database_rows, what the facets
read), on every path that indexes: after-commit updates, `update_index`, `search_rebuild`;
each write bumps the index version (search.index_version) that cached facet counts are
keyed on.

On PostgreSQL with `unaccent` (search.postgres), modelsearch's own index and queries use
the folded configurations: `orne_french` for search (the Wagtail admin's, the editorial
pages'), `orne_simple` for autocomplete. Without it, modelsearch's defaults stay.
"""

from __future__ import annotations

from functools import cache

from modelsearch.backends import database

from search.database_rows import (
    product_rows_clear,
    product_rows_delete,
    product_rows_delete_stale,
    product_rows_write,
)
from search.database_text import text_index_clear, text_index_delete, text_index_write
from search.index_version import search_index_changed
from search.models import SearchableMerchant, SearchableProduct, SearchTerm
from search.postgres import AUTOCOMPLETE_CONFIG, FRENCH_CONFIG, postgres_search_features

KINDS = {SearchableProduct: SearchTerm.PRODUCT, SearchableMerchant: SearchTerm.SHOP}


def _values(obj) -> dict:
    build = getattr(obj, "search_document_values", None)
    if build is not None:
        return build()
    return {"name": obj.name, "commune_name": obj.commune_name()}


def _kind(model) -> int | None:
    for indexed, kind in KINDS.items():
        if issubclass(model, indexed):
            return kind
    return None


@cache
def _french_class(base: type) -> type:
    index_base = base.index_class

    class FrenchIndex(index_base):
        def add_items(self, model, items):
            super().add_items(model, items)
            kind = _kind(model)
            if kind is not None:
                objects = [(obj.pk, _values(obj)) for obj in items]
                text_index_write(kind=kind, objects=objects)
                if kind == SearchTerm.PRODUCT:
                    product_rows_write(objects=objects)
                search_index_changed()

        def delete_item(self, item):
            super().delete_item(item)
            kind = _kind(type(item))
            if kind is not None:
                text_index_delete(kind=kind, ids=[item.pk])
                if kind == SearchTerm.PRODUCT:
                    product_rows_delete(ids=[item.pk])
                search_index_changed()

        def delete_stale_entries(self, *args, **kwargs):
            # A rebuild starts here (modelsearch's rebuilders): rows of products that are
            # no longer indexed go too, what is indexed is written again after.
            super().delete_stale_entries(*args, **kwargs)
            product_rows_delete_stale()

        def reset(self):
            super().reset()
            for kind in KINDS.values():
                text_index_clear(kind=kind)
            product_rows_clear()
            search_index_changed()

    attributes = {"index_class": FrenchIndex}
    if "PostgresSearchBackend" in {cls.__name__ for cls in base.__mro__}:
        attributes["config"] = _folded_config("config", FRENCH_CONFIG)
        attributes["autocomplete_config"] = _folded_config(
            "autocomplete_config", AUTOCOMPLETE_CONFIG
        )
    return type(f"French{base.__name__}", (base,), attributes)


def _folded_config(name: str, folded: str) -> property:
    """The folded configuration once installed, else what modelsearch chose (read at use:
    the backend is built before the database may be asked)."""

    def get(backend):
        if folded in postgres_search_features():
            return folded
        return backend.__dict__.get(name)

    def set_(backend, value):
        backend.__dict__[name] = value

    return property(get, set_)


def SearchBackend(params):  # noqa: N802 (modelsearch looks this name up)
    backend = database.SearchBackend(params)
    backend.__class__ = _french_class(type(backend))
    return backend
