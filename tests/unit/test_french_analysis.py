"""The database backend's French analyzer (search.french): no database."""

import pytest

from search.french import edit_distance, fold, one_edit, stem, stems, words
from search.synonyms import query_parts


def test_fold_drops_accents_and_spells_out_ligatures():
    assert fold("Cœur de Neufchâtel, Pâté") == "coeur de neufchatel, pate"


def test_elided_articles_and_stop_words_are_dropped():
    assert words("L’huile d'olive de Pont-l'Évêque") == ["huile", "olive", "pont", "eveque"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("fromage", "fromages"),
        ("gâteau", "gâteaux"),
        ("dessiné", "dessinée"),
        ("croissant", "croissants"),
        ("cheval", "chevaux"),
    ],
)
def test_singular_and_plural_meet(a, b):
    assert stems(a) == stems(b)


def test_short_words_are_not_stemmed():
    assert stem("bio") == "bio"


@pytest.mark.parametrize(
    ("typed", "word", "expected"),
    [
        ("camembrt", "camembert", True),
        ("brioshe", "brioche", True),
        ("calvdaos", "calvados", True),
        ("camembert", "camembert", False),
        ("cammembrt", "camembert", False),
    ],
)
def test_one_edit(typed, word, expected):
    assert one_edit(typed, word) is expected


def test_edit_distance():
    assert edit_distance("cammembrt", "camembert") == 2


def test_a_synonym_phrase_in_the_query_becomes_its_alternatives():
    groups = [[("bd",), ("bande", "dessinee")]]

    parts = query_parts("BD tome 1", groups)

    assert parts[0].synonym and parts[0].alternatives == (("bd",), ("bande", "dessinee"))
    assert [part.alternatives for part in parts[1:]] == [(("tome",),), (("1",),)]
