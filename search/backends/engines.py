"""French-analysing, fail-fast variants of modelsearch's engine backends.

Each subclass only changes two things: the index settings and the autocomplete search
analyzer (both from `search.backends.analysis`), and the client's retries: a search that
cannot reach the engine must fail within the timeout so the database can answer instead
(modelsearch's clients retry three times by default).
"""

from __future__ import annotations

from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch3

from search.backends.analysis import EDGENGRAM_FIELD_CONFIG, french_index_settings


def french_backend(module) -> type:
    """Subclass ``module.SearchBackend`` (and its mapping) with the French settings."""
    base = module.SearchBackend
    mapping = type(
        f"French{base.mapping_class.__name__}",
        (base.mapping_class,),
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
