"""Write a phone (390x844) and a desktop (1366x900) screenshot of each public page type.

Run against a running site (`make run`, seeded), e.g.
    .venv/bin/python bench/screenshots.py --base http://127.0.0.1:8000 --out var/shots
Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium). Prints each file written.
"""

from __future__ import annotations

import argparse
import os
import re
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
STATIC_PAGES = {
    "home": "/",
    "home_en": "/en/",
    "shops": "/commercants/",
    "campaigns": "/temps-forts/",
    "news": "/actualites/",
    "legal": "/mentions-legales/",
    "search": "/recherche/?q=fromage",
    "signup": "/espace-commercant/inscription/",
    "basket": "/boutique/basket/",
    "figures": "/chiffres/",
    "figures_en": "/en/chiffres/",
}


def first_link(base: str, path: str, pattern: str) -> str | None:
    html = urllib.request.urlopen(base + path, timeout=30).read().decode()
    found = re.search(pattern, html)
    return found.group(1) if found else None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/shots")
    parser.add_argument(
        "--page", action="append", default=[], metavar="NAME=PATH", help="another page to shoot"
    )
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="only these")
    parser.add_argument(
        "--add",
        action="append",
        default=[],
        metavar="PATH",
        help="a product page whose article goes in the basket first (default: the first found)",
    )
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the screen")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = dict(STATIC_PAGES)
    pages["shop"] = first_link(args.base, "/", r'href="(/commercants/[^"/]+/)"')
    pages["product"] = first_link(args.base, "/", r'href="(/boutique/catalogue/[^"]+/)"')
    pages.update(item.split("=", 1) for item in args.page)
    basket = args.add or [pages["product"]]
    if args.only:
        pages = {name: path for name, path in pages.items() if name in args.only}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        for size, (width, height) in SIZES.items():
            context = browser.new_context(
                locale="fr-FR", viewport={"width": width, "height": height}
            )
            page = context.new_page()
            for product in filter(None, basket):  # so that the basket page shows a basket
                page.goto(args.base + product)
                button = page.locator("#add_to_basket_form button[type=submit]")
                if button.count():
                    button.click()
            for name, path in pages.items():
                if not path:
                    continue
                page.goto(args.base + path)
                target = out / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=args.full_page)
                print(target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
