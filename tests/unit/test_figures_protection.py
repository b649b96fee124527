"""The public figures' rule: no group shows fewer than 3 shops' turnover, even by difference."""

from decimal import Decimal

from orne_site.figures.protection import Cell, groups_protect, protected_total


def cells(*amounts) -> dict[int, Cell]:
    return {shop: Cell(1, Decimal(amount)) for shop, amount in amounts}


def test_a_group_of_two_shops_is_merged_and_never_shows_its_own_amount():
    groups = {
        "alencon": cells((1, "10"), (2, "20"), (3, "30")),
        "flers": cells((4, "100"), (5, "200"), (6, "300")),
        "perche": cells((7, "7"), (8, "8")),
    }

    shown = groups_protect(groups)

    assert all(g.key != "perche" for g in shown)
    assert Decimal("15") not in {g.amount for g in shown}
    merged = [g for g in shown if not g.key]
    assert len(merged) == 1 and merged[0].shops >= 3


def test_the_smallest_group_joins_a_merged_group_of_two_shops():
    groups = {
        "alencon": cells((1, "10"), (2, "20"), (3, "30")),
        "flers": cells((4, "100"), (5, "200"), (6, "300")),
        "perche": cells((7, "7"), (8, "8")),
    }

    shown = groups_protect(groups)

    assert [(g.key, g.shops, g.amount) for g in shown] == [
        ("flers", 3, Decimal("600")),
        ("", 5, Decimal("75")),
    ]


def test_groups_of_three_shops_or_more_are_shown_as_they_are():
    groups = {"a": cells((1, "1"), (2, "2"), (3, "3")), "b": cells((4, "4"), (5, "5"), (6, "6"))}

    assert [(g.key, g.amount) for g in groups_protect(groups)] == [
        ("a", Decimal("6")),
        ("b", Decimal("15")),
    ]


def test_a_shop_in_two_months_counts_once_in_the_merged_group():
    groups = {"2026-10": cells((1, "5"), (2, "5")), "2026-11": cells((1, "5"), (2, "5"))}

    assert groups_protect(groups) == []
    assert protected_total(groups) is None


def test_the_total_is_hidden_below_three_shops_and_shown_from_three():
    assert protected_total({"a": cells((1, "5"), (2, "6"))}) is None
    total = protected_total({"a": cells((1, "5"), (2, "6")), "b": cells((3, "7"))})
    assert (total.shops, total.orders, total.amount) == (3, 3, Decimal("18"))
