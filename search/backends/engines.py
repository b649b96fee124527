"""French-analysing, fail-fast variants of modelsearch's engine backends.

Each subclass only changes two things: the index settings and the autocomplete search
analyzer (both from `search.backends.analysis`), and the client's retries: a search that
cannot reach the engine must fail within the timeout so the database can answer instead
(modelsearch's clients retry three times by default).
"""

from __future__ import annotations

from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch3
from modelsearch.index import AutocompleteField

from search.backends.analysis import EDGENGRAM_FIELD_CONFIG, french_index_settings


class FastDocumentMixin:
    """Builds a document from `search_document_values()` when the model offers it.

    Same keys and values as modelsearch's `get_document` (column names come from it, cached
    per model), without looking every field up again for every object.
    """

    _columns_cache: dict = {}

    def _document_columns(self) -> tuple:
        key = (type(self), self.model)
        if key not in self._columns_cache:
            self._columns_cache[key] = (
                tuple(
                    (field.field_name, self.get_field_column_name(field))
                    for field in self.model.get_search_fields()
                ),
                tuple(
                    field.field_name
                    for field in self.model.get_search_fields()
                    if isinstance(field, AutocompleteField)
                ),
                self.get_all_content_types(),
            )
        return self._columns_cache[key]

    def get_document(self, obj):
        build = getattr(obj, "search_document_values", None)
        if build is None:
            return super().get_document(obj)
        values = build()
        columns, autocomplete, content_types = self._document_columns()
        document = {"pk": str(obj.pk), "_django_content_type": list(content_types)}
        for name, column in columns:
            document[column] = values[name]
        document["_edgengrams"] = [values[name] for name in autocomplete]
        return document


def french_backend(module) -> type:
    """Subclass ``module.SearchBackend`` (and its mapping) with the French settings."""
    base = module.SearchBackend
    mapping = type(
        f"French{base.mapping_class.__name__}",
        (FastDocumentMixin, base.mapping_class),
        {"edgengram_analyzer_config": dict(EDGENGRAM_FIELD_CONFIG)},
    )
    compiler = type(
        f"French{base.query_compiler_class.__name__}",
        (base.query_compiler_class,),
        {"mapping_class": mapping},
    )
    autocomplete = type(
        f"French{base.autocomplete_query_compiler_class.__name__}",
        (base.autocomplete_query_compiler_class,),
        {"mapping_class": mapping},
    )

    def __init__(self, params):
        params = dict(params)
        options = dict(params.pop("OPTIONS", {}))
        options.setdefault("max_retries", 0)
        options.setdefault("retry_on_timeout", False)
        params["OPTIONS"] = options
        base.__init__(self, params)

    return type(
        f"French{base.__name__}",
        (base,),
        {
            "__init__": __init__,
            "__module__": __name__,
            "settings": french_index_settings(base.settings),
            "mapping_class": mapping,
            "query_compiler_class": compiler,
            "autocomplete_query_compiler_class": autocomplete,
        },
    )


# modelsearch's opensearch2 module calls the client with positional arguments, which
# opensearch-py 3 (the pinned client) refuses; its opensearch3 module passes keywords and
# speaks the same REST API to an OpenSearch 2.x server, so both schemes use it.
OpenSearch2Backend = french_backend(opensearch3)
OpenSearch3Backend = french_backend(opensearch3)
Elasticsearch8Backend = french_backend(elasticsearch8)
Elasticsearch9Backend = french_backend(elasticsearch9)
