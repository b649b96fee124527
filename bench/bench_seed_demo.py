"""Time `seed_demo` on a fresh database and print products per second.

    .venv/bin/python bench/bench_seed_demo.py --products 100000 --merchants 200

Uses a throwaway SQLite database in a temporary folder unless DATABASE_URL is set (then
that database is used as it is: point it at an empty one).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--merchants", type=int, default=200)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="orne-bench-") as var_dir:
        env = {**os.environ, "VAR_DIR": var_dir, "DJANGO_SETTINGS_MODULE": "orne_site.settings.dev"}
        manage = [sys.executable, str(ROOT / "manage.py")]
        started = time.perf_counter()
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        migrated = time.perf_counter()
        subprocess.run(
            [*manage, "seed_demo", f"--products={args.products}", f"--merchants={args.merchants}"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seeded = time.perf_counter()
        subprocess.run(
            [*manage, "seed_demo", f"--products={args.products}", f"--merchants={args.merchants}"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        again = time.perf_counter()

    database = os.environ.get("DATABASE_URL", "sqlite (temporary)").split("@")[-1]
    seed_seconds = seeded - migrated
    print(f"database: {database}")
    print(f"migrate: {migrated - started:.1f} s")
    print(
        f"seed_demo --products {args.products} --merchants {args.merchants}: "
        f"{seed_seconds:.1f} s ({args.products / seed_seconds:,.0f} products/s)"
    )
    print(f"seed_demo again (nothing to create): {again - seeded:.1f} s")


if __name__ == "__main__":
    main()
