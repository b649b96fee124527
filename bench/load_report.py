"""Tables of load_bench.py's figures (plain text, for a terminal and docs/benchmarks.md)."""

from __future__ import annotations

import statistics


def percentile(times: list[float], fraction: float) -> float:
    if not times:
        return 0.0
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def page_table(figures: dict) -> tuple[list[str], list[list]]:
    seconds = figures["seconds"] or 1
    header = ["page", "requests", "req/s", "p50 ms", "p95 ms", "errors", "5xx", "refused"]
    rows, every = [], []
    for name, page in sorted(figures["pages"].items()):
        times = page["times"]
        every += times
        rows.append(
            [
                name,
                len(times),
                f"{len(times) / seconds:.1f}",
                f"{statistics.median(times):.0f}" if times else "-",
                f"{percentile(times, 0.95):.0f}",
                page["failures"],
                page["5xx"],
                page["refused"],
            ]
        )
    totals = [sum(row[i] for row in rows) for i in (5, 6, 7)]
    rows.append(
        [
            "total",
            len(every),
            f"{len(every) / seconds:.1f}",
            f"{statistics.median(every):.0f}" if every else "-",
            f"{percentile(every, 0.95):.0f}",
            *totals,
        ]
    )
    return header, rows


def fault_table(steps: list[dict]) -> tuple[list[str], list[list]]:
    header = ["step", "requests", "5xx", "refused", "errors", "purchases", "charged", "lost",
              "tasks"]  # fmt: skip
    rows = []
    for step in steps:
        pages = step["figures"]["pages"].values()
        outcomes = step["figures"]["outcomes"]
        tasks = step.get("tasks")
        rows.append(
            [
                step["step"],
                sum(len(p["times"]) for p in pages),
                sum(p["5xx"] for p in pages),
                sum(p["refused"] for p in pages),
                sum(p["failures"] for p in pages),
                ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())) or "-",
                step["payments"].charged,
                step["payments"].lost,
                "; ".join(f"{k}: {v}" for k, v in tasks.items()) if tasks else "-",
            ]
        )
    return header, rows


def print_table(title: str, header: list[str], rows: list[list]) -> None:
    cells = [header, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
