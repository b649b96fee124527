"""The database backend's French text match as one grouped SQL query.

The rules are search.database_text's (every word must match; a word matches its stem, the
last word also the stems it begins, a word of 5 letters or more the stems one typo away; a
word scores the weight of the best field it matched, lowered for a prefix or a typo).
Scoring each matching term row in Python read every row back: "fromages" on 100,000
products is tens of thousands of rows. Here the database adds the scores and returns only
the ranked ids, reading the covering index (kind, term, object_id, weight) alone.

Scores are integers, ten times search.database_text's factors (exact 10, prefix 6, typo
5); a term both one typo away and begun by the word scores as a prefix. Ties go to the older
object (stable pages).
The query is the same on SQLite and PostgreSQL:
- a word: its term rows (exact, typos, prefix: one index search each), the best score per
  object (GROUP BY);
- a phrase (a word, or a synonym's words): its words joined on the object, scores added;
- a part of the query with alternatives (a synonym group): their union, the best per object;
- the query: its parts joined on the object, scores added, ranked, limited.
"""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, F, Func, Q
from django.db.models.functions import Length

from search.database_text import PREFIX_MIN_LENGTH, RANGE_END
from search.french import TYPO_MIN_LENGTH, one_edit, stem
from search.index_version import search_index_version
from search.models import SearchTerm, SearchWord
from search.synonyms import QueryPart, query_parts

EXACT, PREFIX, TYPO = 10, 6, 5
# Bounds what no index change reports (without a shared cache, another process's writes).
ANALYSIS_CACHE_SECONDS = 300
Sql = tuple[str, list]


def typo_stems(words: set[str]) -> dict[str, set[str]]:
    """Per word, the stems of vocabulary words one typo away (first letter kept, as the
    engines' prefix_length=1), read in one query for all the words."""
    words = {word for word in words if len(word) >= TYPO_MIN_LENGTH}
    found: dict[str, set[str]] = {word: set() for word in words}
    if not words:
        return found
    condition = Q()
    for word in words:
        condition |= Q(
            word__gte=word[0],
            word__lt=word[0] + RANGE_END,
            length__gte=len(word) - 1,
            length__lte=len(word) + 1,
        )
    candidates = (
        SearchWord.objects.annotate(length=Length("word"))
        .filter(condition)
        .values_list("word", "stem")
    )
    for candidate, candidate_stem in candidates:
        for word in words:
            if candidate[0] == word[0] and one_edit(word, candidate):
                found[word].add(candidate_stem)
    return found


def _word_sql(kind: int, word: str, *, prefix: bool, typos: set[str]) -> Sql:
    exact = stem(word)
    typos = sorted(typos - {exact})
    prefix = prefix and len(word) >= PREFIX_MIN_LENGTH
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    rows = f"SELECT object_id, weight * %s AS s FROM {table} WHERE kind = %s AND "
    # One index search per kind of match, their rows united: with an OR of the three
    # conditions SQLite searched the index on the kind alone (every term row of it).
    branches = [(rows + "term = %s", [EXACT, kind, exact])]
    if typos:
        marks = ", ".join(["%s"] * len(typos))
        branches.append((rows + f"term IN ({marks})", [TYPO, kind, *typos]))
    if prefix:
        # Stems the word as typed begins, not its stem: the stem's own forms match exactly,
        # and "livre" (stem "livr") began "livraison", in every product's description.
        branches.append((rows + "term >= %s AND term < %s", [PREFIX, kind, word, word + RANGE_END]))
    # A term matched several ways (the exact stem also begins itself) keeps its best score.
    union = " UNION ALL ".join(sql for sql, _ in branches)
    params = [param for _, branch_params in branches for param in branch_params]
    return f"SELECT object_id, MAX(s) AS s FROM ({union}) w GROUP BY object_id", params


def _all_of(queries: list[Sql]) -> Sql:
    """Objects in every query, their scores added."""
    if len(queries) == 1:
        return queries[0]
    total = " + ".join(f"t{index}.s" for index in range(len(queries)))
    sql = f"SELECT t0.object_id AS object_id, {total} AS s FROM ({queries[0][0]}) t0"
    params = list(queries[0][1])
    for index, (sub_sql, sub_params) in enumerate(queries[1:], 1):
        sql += f" JOIN ({sub_sql}) t{index} ON t{index}.object_id = t0.object_id"
        params += sub_params
    return sql, params


def _best_of(queries: list[Sql]) -> Sql:
    """Objects in any query, with their best score."""
    if len(queries) == 1:
        return queries[0]
    union = " UNION ALL ".join(
        f"SELECT object_id, s FROM ({sql}) a{index}" for index, (sql, _) in enumerate(queries)
    )
    params = [param for _, sub_params in queries for param in sub_params]
    return f"SELECT object_id, MAX(s) AS s FROM ({union}) u GROUP BY object_id", params


def _part_sql(kind: int, part: QueryPart, *, last: bool, typos: dict[str, set[str]]) -> Sql:
    phrases = []
    for phrase in part.alternatives:
        phrases.append(
            _all_of(
                [
                    # The shopper may still be typing the last word (not a synonym's words).
                    _word_sql(
                        kind,
                        word,
                        prefix=last and not part.synonym and index == len(phrase) - 1,
                        typos=typos.get(word, set()),
                    )
                    for index, word in enumerate(phrase)
                ]
            )
        )
    return _best_of(phrases)


def query_analysis(text: str) -> tuple[list[QueryPart], dict[str, set[str]]]:
    """The parts of ``text`` (synonyms applied) and its words' typo stems.

    Kept in the cache under the index version (search.index_version), which new words and
    synonym changes bump: a text search matches products and shops with the same analysis,
    and a frequent query skips the synonyms' and the vocabulary's queries.
    """
    key = (
        "product_search:analysis:"
        + hashlib.sha256(repr((search_index_version(), text)).encode()).hexdigest()
    )
    found = cache.get(key)
    if found is None:
        parts = query_parts(text)
        words = {word for part in parts for phrase in part.alternatives for word in phrase}
        found = (parts, typo_stems(words))
        cache.set(key, found, ANALYSIS_CACHE_SECONDS)
    return found


def match_sql(kind: int, parts: list[QueryPart], typos: dict[str, set[str]], *, limit: int) -> Sql:
    """The ranked ids of the objects matching every part (see the module's docstring)."""
    query = _all_of(
        [
            _part_sql(kind, part, last=index == len(parts) - 1, typos=typos)
            for index, part in enumerate(parts)
        ]
    )
    sql = f"SELECT object_id FROM ({query[0]}) m ORDER BY s DESC, object_id LIMIT %s"
    return sql, [*query[1], limit]


def text_matches(text: str, *, kind: int = SearchTerm.PRODUCT, limit: int = 5000) -> list[int]:
    """Ids of the objects matching every word of ``text``, best first."""
    parts, typos = query_analysis(text)
    if not parts:
        return []
    sql, params = match_sql(kind, parts, typos, limit=limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [int(row[0]) for row in cursor.fetchall()]


class InIds(Func):
    """``field IN ids`` with the ids as one parameter: ``= ANY(array)`` on PostgreSQL, a JSON
    array read by ``json_each`` on SQLite.

    ``pk__in=ids`` prepares and binds each id: 270 ms of Python for the 5,000 matches of a
    word, twice per page, before the database saw the query.
    """

    output_field = BooleanField()

    def __init__(self, field: str, ids):
        super().__init__(F(field))
        self.ids = [int(pk) for pk in ids]

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s::bigint[])", [*params, self.ids]
        return f"{column} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(self.ids)]
