"""No public figure may reveal one shop's turnover: groups of fewer than 3 shops are merged.

Pure functions over (group → shop → figures), so the rule is tested without a database.
Steps of `groups_protect`:
1. a group with at least MIN_SHOPS shops is shown as it is;
2. the smaller ones are merged into one "others" group;
3. if that merged group has shops but fewer than MIN_SHOPS, the smallest shown groups join
   it until it reaches MIN_SHOPS: otherwise the total minus the shown groups would give
   the merged group's amount away;
4. if even then it is too small (fewer than MIN_SHOPS shops in all), it is hidden, and so is
   every amount (`protected_total` says None).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

MIN_SHOPS = 3


@dataclass(frozen=True)
class Cell:
    orders: int
    amount: Decimal


@dataclass(frozen=True)
class ProtectedGroup:
    key: str  # "" for the merged group
    shops: int
    orders: int
    amount: Decimal


def _group(key: str, cells: dict[int, Cell]) -> ProtectedGroup:
    return ProtectedGroup(
        key=key,
        shops=len(cells),
        orders=sum(c.orders for c in cells.values()),
        amount=sum((c.amount for c in cells.values()), Decimal("0.00")),
    )


def groups_protect(groups: dict[str, dict[int, Cell]]) -> list[ProtectedGroup]:
    """Shown groups (in the given key order), then the merged one (key ""), if any is safe."""
    shown = {key: cells for key, cells in groups.items() if len(cells) >= MIN_SHOPS}
    merged: dict[int, Cell] = {}
    for key, cells in groups.items():
        if key not in shown:
            _merge(merged, cells)
    while merged and len(merged) < MIN_SHOPS and shown:
        smallest = min(shown, key=lambda k: (len(shown[k]), _group(k, shown[k]).amount, k))
        _merge(merged, shown.pop(smallest))
    result = [_group(key, cells) for key, cells in groups.items() if key in shown]
    if merged and len(merged) >= MIN_SHOPS:
        result.append(_group("", merged))
    return result


def _merge(into: dict[int, Cell], cells: dict[int, Cell]) -> None:
    for shop, cell in cells.items():
        before = into.get(shop)
        into[shop] = (
            Cell(before.orders + cell.orders, before.amount + cell.amount) if before else cell
        )


def protected_total(groups: dict[str, dict[int, Cell]]) -> ProtectedGroup | None:
    """All groups together, or None when fewer than MIN_SHOPS shops sold anything."""
    every: dict[int, Cell] = {}
    for cells in groups.values():
        _merge(every, cells)
    return _group("total", every) if len(every) >= MIN_SHOPS else None
