"""Staff-managed synonyms ("bd, bande dessinée"), applied at query time on every backend.

Applied to the query rather than baked into the engines' index settings: a synonym staff
add in the back office then changes the next search on the engines and on the database
alike, without closing, updating and reopening the indexes or reindexing.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.french import words
from search.models import SearchSynonym


@dataclass(frozen=True)
class QueryPart:
    """Words of the query, or the alternatives of a synonym found in it (each a phrase)."""

    alternatives: tuple[tuple[str, ...], ...]
    synonym: bool = False


def synonym_groups() -> list[list[tuple[str, ...]]]:
    """Each group's phrases as folded words (one query: the table holds tens of rows)."""
    groups = []
    for synonym in SearchSynonym.objects.all():
        phrases = [tuple(words(phrase)) for phrase in synonym.phrases()]
        phrases = [phrase for phrase in phrases if phrase]
        if len(phrases) > 1:
            groups.append(phrases)
    return groups


def query_parts(text: str, groups: list[list[tuple[str, ...]]] | None = None) -> list[QueryPart]:
    """The query's words, where a phrase of a synonym group becomes the group's alternatives.

    The longest phrase found at a position wins ("pain au chocolat" before "pain").
    """
    found = words(text)
    groups = synonym_groups() if groups is None else groups
    phrases = sorted(
        ((phrase, group) for group in groups for phrase in group),
        key=lambda item: -len(item[0]),
    )
    parts: list[QueryPart] = []
    position = 0
    while position < len(found):
        for phrase, group in phrases:
            if tuple(found[position : position + len(phrase)]) == phrase:
                parts.append(QueryPart(alternatives=tuple(group), synonym=True))
                position += len(phrase)
                break
        else:
            parts.append(QueryPart(alternatives=((found[position],),)))
            position += 1
    return parts
