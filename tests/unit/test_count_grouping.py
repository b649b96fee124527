"""Counts on the search page read with the language's thousands separator."""

from django.utils import translation

from search.templatetags.product_search_tags import grouped


def test_counts_are_grouped_in_french_and_english_but_small_ones_stay_as_they_are():
    with translation.override("fr"):
        assert grouped(50400) == "50\xa0400"
        assert grouped(8) == "8"
    with translation.override("en"):
        assert grouped(50400) == "50,400"
