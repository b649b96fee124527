"""Benchmark: `import_products` on a 10,000-line CSV, in rows per second.

    .venv/bin/python bench/bench_import_products.py [--rows 10000]

Times the command itself (call_command, as a merchant's shell import runs) for:
1. creating every article (empty shop);
2. a no-op re-import of the same file (all lines unchanged: read and compare only);
3. an import where every price changed (all lines updated);
and the export of the whole shop. It uses its own SQLite database, var/bench.sqlite3
(migrated on first run, kept between runs), unless DATABASE_URL points elsewhere (e.g.
PostgreSQL); its bench merchant's articles are deleted at the start of each run.
Figures are printed; copy them to docs/benchmarks.md with the machine they ran on.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orne_site.settings.dev")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

from merchants.models import Commune, Merchant  # noqa: E402

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

SLUG = "bench-import"
HEADER = ["sku", "titre", "description", "categorie", "prix_ttc", "tva", "stock", "contenance"]
CATEGORIES = ["Fromages", "Alimentation > Cidre et calvados", "Épicerie fine"]


def _setup() -> Merchant:
    call_command("migrate", verbosity=0)
    food = Category.get_root_nodes().filter(name="Alimentation").first()
    food = food or Category.add_root(name="Alimentation", slug="alimentation")
    existing = {child.name for child in food.get_children()}
    for name in ("Fromages", "Cidre et calvados", "Épicerie fine"):
        if name not in existing:
            food.add_child(name=name, slug=name.lower().replace(" ", "-"))
    partner, _ = Partner.objects.get_or_create(code=SLUG, defaults={"name": "Banc d'essai"})
    merchant, _ = Merchant.objects.get_or_create(
        slug=SLUG,
        defaults={
            "name": "Banc d'essai",
            "partner": partner,
            "commune": Commune.objects.get(insee_code="61001"),
            "category": "fromagerie",
        },
    )
    Product.objects.filter(stockrecords__partner=partner).delete()
    return merchant


def _write_csv(path: Path, *, rows: int, price_cents: int) -> None:
    """A file as Excel in French writes it: Windows-1252, semicolons, decimal commas."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    for n in range(rows):
        cents = price_cents + n % 700
        writer.writerow(
            [
                f"REF-{n:06d}",
                f"Camembert fermier moulé à la louche n° {n}",
                "Au lait cru de vaches normandes.\nAffiné 21 jours; à servir chambré.",
                CATEGORIES[n % len(CATEGORIES)],
                f"{cents // 100},{cents % 100:02d}",
                ("5,5", "10", "20")[n % 3],
                str(n % 40),
                "250 g",
            ]
        )
    path.write_bytes(buffer.getvalue().encode("cp1252"))


def _timed_import(path: Path, *, rows: int, label: str) -> float:
    out = io.StringIO()
    start = time.perf_counter()
    call_command("import_products", "--merchant", SLUG, str(path), stdout=out, stderr=out)
    elapsed = time.perf_counter() - start
    summary = next(line for line in out.getvalue().splitlines() if "refusés" in line)
    print(f"{label:<28} {elapsed:7.2f} s  {rows / elapsed:9,.0f} rows/s   [{summary.strip()}]")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    rows = parser.parse_args().rows
    merchant = _setup()
    print(
        f"import_products, {rows:,} lines — {connection.vendor}, Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory() as folder:
        first, changed = Path(folder) / "articles.csv", Path(folder) / "prix.csv"
        _write_csv(first, rows=rows, price_cents=290)
        _write_csv(changed, rows=rows, price_cents=310)
        _timed_import(first, rows=rows, label="create (empty shop)")
        _timed_import(first, rows=rows, label="re-import, no change")
        _timed_import(changed, rows=rows, label="update (every price)")
        start = time.perf_counter()
        call_command(
            "export_products",
            "--merchant",
            merchant.slug,
            str(Path(folder) / "x.csv"),
            stderr=io.StringIO(),
        )
        elapsed = time.perf_counter() - start
        print(f"{'export':<28} {elapsed:7.2f} s  {rows / elapsed:9,.0f} rows/s")


if __name__ == "__main__":
    main()
