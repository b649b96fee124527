"""The one place where modelsearch's index settings are overridden: French analysis.

modelsearch's defaults analyse text with the `standard` analyzer (no elision, no accent
folding, no stemming) and search its edge n-grams with `standard` too, so "pate" would not
find "Pâté" and "l'huile" would be one token. Here:

- `default` (every text field without an explicit analyzer, `_all_text` included) is French:
  elision (l', d', qu'…), lowercase, ASCII folding, light French stemming ("fromages" and
  "fromage" share a stem);
- `edgengram_analyzer` (autocomplete fields, built by modelsearch's mapping) gets elision and
  folding before its edge n-grams, and autocomplete searches with `autocomplete_search`
  (the same chain without n-grams) instead of `standard`.
"""

from __future__ import annotations

from copy import deepcopy

from modelsearch.utils import deep_update

FRENCH_ELISION_ARTICLES = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]

FRENCH_ANALYSIS: dict = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ELISION_ARTICLES,
                },
                "french_light_stemmer": {"type": "stemmer", "language": "light_french"},
                # modelsearch's own filter, kept at its size: 1..15 characters.
                "edgengram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 15},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "french_elision",
                        "lowercase",
                        "asciifolding",
                        "french_light_stemmer",
                    ],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "edgengram"],
                },
                "autocomplete_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding"],
                },
            },
        },
        # One shard on a single node: no cross-shard scoring noise, faster small queries.
        "index": {"number_of_shards": 1, "number_of_replicas": 0},
    }
}

# What modelsearch's mapping puts on autocomplete fields (search side replaced, see above).
EDGENGRAM_FIELD_CONFIG = {
    "analyzer": "edgengram_analyzer",
    "search_analyzer": "autocomplete_search",
}


def french_index_settings(base: dict) -> dict:
    """modelsearch's index settings with the French analysis laid over them."""
    return deep_update(deepcopy(base), deepcopy(FRENCH_ANALYSIS))
