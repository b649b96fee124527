"""French text analysis for the database backend: one analyzer, the same on SQLite and PostgreSQL.

The engines analyse with elision, lowercase, ASCII folding and `light_french`
(search.backends.analysis). The database backend indexes and searches the words this
module gives, so a product is found the same way whatever the database:
- `fold`: lowercase, accents dropped, ligatures spelt out (« cœur » → "coeur");
- `words`: the folded words, elided articles (l', d', qu'…) and a few French stop words
  dropped;
- `stem`: a light stemmer after Lucene's `light_french`, reduced to what makes singular
  and plural, masculine and feminine meet ("fromages" and "fromage" → "fromag",
  "gâteaux" → "gateau", "dessinée" → "dessin");
- `one_edit`: whether two words are one typo apart (Damerau: a swap counts as one).
"""

from __future__ import annotations

import re
import unicodedata

LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "’": "'", "ʼ": "'"})
ELIDED = re.compile(r"\b(?:l|m|t|qu|n|s|j|d|c|jusqu|quoiqu|lorsqu|puisqu)'")
WORD = re.compile(r"[a-z0-9]+")
# Words that say nothing about an article; the engines keep them, but with operator "and"
# a shopper's "confiture de fraise" must still find "Confiture fraise".
STOP_WORDS = frozenset("a au aux avec de des du en et la le les ou par pour sur un une".split())
MIN_STEM_LENGTH = 3
TYPO_MIN_LENGTH = 5


def fold(text: str) -> str:
    """Lowercase, without accents, ligatures spelt out."""
    text = text.lower().translate(LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of ``text`` that carry meaning, in order."""
    folded = ELIDED.sub(" ", fold(text))
    return [word for word in WORD.findall(folded) if word not in STOP_WORDS]


def stem(word: str) -> str:
    """A light French stem of a folded word (see the module's docstring)."""
    if len(word) <= MIN_STEM_LENGTH or word.isdigit():
        return word
    if word.endswith("eaux") or word.endswith("eux") or word.endswith("oux"):
        word = word[:-1]  # gâteaux, jeux, choux
    elif word.endswith("aux") and len(word) > 4:
        word = word[:-3] + "al"  # chevaux → cheval
    elif word[-1] in "sx":
        word = word[:-1]
    # Feminine and past participles: "dessinée", "dessiné" and "dessin" meet.
    while len(word) > MIN_STEM_LENGTH and word[-1] == "e":
        word = word[:-1]
    return word


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


def one_edit(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with one letter added, dropped, changed or swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    if a[start + 1 :] == b[start + 1 :]:
        return True
    # A swap of two neighbouring letters ("calvdaos").
    return (
        start + 1 < len(a)
        and a[start] == b[start + 1]
        and a[start + 1] == b[start]
        and a[start + 2 :] == b[start + 2 :]
    )


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, for "did you mean" (words are short: the table is tiny)."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]
