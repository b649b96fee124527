"""Lighthouse performance (phone emulation) of each public page type of a running site.

    make lighthouse && make run   # in another shell
    .venv/bin/python bench/lighthouse_bench.py --base http://127.0.0.1:8000

Prints one line per page: performance, accessibility, best practices, SEO (0-100).
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.lighthouse import lighthouse_run  # noqa: E402

PAGES = {
    "home": "/",
    "shops": "/commercants/",
    "campaigns": "/temps-forts/",
    "news": "/actualites/",
    "legal": "/mentions-legales/",
    "search": "/recherche/?q=fromage",
    "basket": "/boutique/basket/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--port", type=int, default=0, help="Chromium's debugging port")
    parser.add_argument(
        "--page", action="append", default=[], metavar="NAME=PATH", help="another page to score"
    )
    args = parser.parse_args()
    pages = dict(PAGES)
    pages.update(item.split("=", 1) for item in args.page)
    home = urllib.request.urlopen(args.base + "/", timeout=30).read().decode()
    for name, pattern in (
        ("shop", r'href="(/commercants/[^"/]+/)"'),
        ("product", r'href="(/boutique/catalogue/[^"]+/)"'),
    ):
        found = re.search(pattern, home)
        if found:
            pages[name] = found.group(1)
    print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}")
    for name, path in pages.items():
        result = lighthouse_run(args.base + path, categories=CATEGORIES, port=args.port)
        s = result["scores"]
        print(
            f"{name:<10} {s.get('performance')!s:>5} {s.get('accessibility')!s:>5} "
            f"{s.get('best-practices')!s:>5} {s.get('seo')!s:>5}"
        )
        for line in result["failing"]:
            print(f"           - {line}")


if __name__ == "__main__":
    main()
