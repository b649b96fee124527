"""The database backend's French text index (search.models.SearchTerm): written here, matched
by search.database_match.

modelsearch's database backends match the words as typed (PostgreSQL's `simple` config,
SQLite's FTS5 tokens): no stemming, no typo, accents kept on PostgreSQL. This index holds
each object's words analysed by search.french, weighted by field (title > shop > category >
commune > description), so the same query code answers on SQLite and PostgreSQL:
- every word of the query must match (a synonym matches by any of its phrases);
- a word matches its stem, the last word also any stem it begins (from its 3rd letter),
  and a word of 5 letters or more the stems of the vocabulary's words one typo away;
- the score adds, per query word, the weight of the best field it matched, lowered for a
  prefix or a typo; ties go to the older object (stable pages).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models.functions import Length
from django.utils.html import strip_tags

from search.french import edit_distance, fold, stem, words
from search.models import SearchTerm, SearchWord
from search.postgres import WORD_TRIGRAM_INDEX, postgres_search_features

PRODUCT_WEIGHTS = {
    "title": 10,
    "merchant_name": 5,
    "category_names": 3,
    "commune_name": 2,
    "description": 1,
}
SHOP_WEIGHTS = {"name": 10, "commune_name": 3}
PREFIX_MIN_LENGTH = 3
MAX_WORD_LENGTH = 40
# Above any character a folded word holds: "calva" … "calva\uffff" is every word it begins.
RANGE_END = "\uffff"


def _texts(value) -> Iterable[str]:
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value or "")]


def object_terms(values: dict, weights: dict[str, int]) -> tuple[dict[str, int], dict[str, str]]:
    """(stem -> best weight, folded word -> stem) of one object's field values."""
    terms: dict[str, int] = {}
    vocabulary: dict[str, str] = {}
    for field, weight in weights.items():
        for text in _texts(values.get(field)):
            for word in words(strip_tags(text)):
                word = word[:MAX_WORD_LENGTH]
                word_stem = stem(word)
                vocabulary[word] = word_stem
                if terms.get(word_stem, 0) < weight:
                    terms[word_stem] = weight
    return terms, vocabulary


def text_index_write(*, kind: int, objects: list[tuple[int, dict]]) -> None:
    """Replace the terms of these objects ((pk, field values) pairs)."""
    ids = [pk for pk, _ in objects]
    SearchTerm.objects.filter(kind=kind, object_id__in=ids).delete()
    weights = PRODUCT_WEIGHTS if kind == SearchTerm.PRODUCT else SHOP_WEIGHTS
    rows: list[SearchTerm] = []
    vocabulary: dict[str, str] = {}
    for pk, values in objects:
        terms, seen = object_terms(values, weights)
        vocabulary.update(seen)
        rows += [SearchTerm(kind=kind, object_id=pk, term=t, weight=w) for t, w in terms.items()]
    SearchTerm.objects.bulk_create(rows, batch_size=2000)
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, stem=word_stem) for word, word_stem in vocabulary.items()],
        batch_size=2000,
        ignore_conflicts=True,
    )


def text_index_delete(*, kind: int, ids: Iterable[int]) -> None:
    SearchTerm.objects.filter(kind=kind, object_id__in=list(ids)).delete()


def text_index_clear(*, kind: int) -> None:
    SearchTerm.objects.filter(kind=kind).delete()


def did_you_mean(text: str) -> str:
    """The query with each unknown word replaced by the nearest indexed one, or "".

    Asked only when nothing matched, so it may look further than the typo tolerance: two
    edits, the first letter included ("kamembert" → "camembert").
    """
    corrected, changed = [], False
    for word in fold(text).split():
        bare = words(word)
        # By kind: the (kind, term) index answers; a term alone would scan the table.
        known = SearchTerm.objects.filter(kind=SearchTerm.PRODUCT)
        if not bare or known.filter(term=stem(bare[0])).exists():
            corrected.append(word)
            continue
        near = sorted((edit_distance(bare[0], c), c) for c in _near_words(bare[0]))
        if near and near[0][0] <= 2:
            corrected.append(near[0][1])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""


# Enough for the nearest by trigrams to hold the nearest by edits (checked in Python).
TRIGRAM_CANDIDATES = 30


def _near_words(word: str) -> list[str]:
    """Vocabulary words that may be two edits from ``word``.

    With pg_trgm (search.postgres), the nearest by trigram distance, read from its index;
    otherwise every word of a length two letters away or less (a vocabulary of 100,000
    products is tens of thousands of words: "did you mean" is only asked on no result).
    """
    shortest, longest = len(word) - 2, len(word) + 2
    if WORD_TRIGRAM_INDEX in postgres_search_features():
        table = connection.ops.quote_name(SearchWord._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM {table} WHERE length(word) BETWEEN %s AND %s "
                "ORDER BY word <-> %s LIMIT %s",
                [shortest, longest, word, TRIGRAM_CANDIDATES],
            )
            return [row[0] for row in cursor.fetchall()]
    return list(
        SearchWord.objects.annotate(length=Length("word"))
        .filter(length__gte=shortest, length__lte=longest)
        .values_list("word", flat=True)
    )
