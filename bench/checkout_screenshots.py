"""Screenshots of a purchase on a running site: basket, choices, the terms refused, recap, back.

Run against a seeded site with its payment server (`make run`), e.g.
    .venv/bin/python bench/checkout_screenshots.py --base http://127.0.0.1:8000 --out var/shots
Phone (390x844) and desktop (1366x900), French and English; full-page images, so a
reviewer sees the whole form. Chromium comes from CHROMIUM_PATH. Prints each file written.
"""

from __future__ import annotations

import argparse
import os
import re
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
LANGUAGES = {"fr": "", "en": "/en"}


def products(base: str, count: int = 2) -> list[str]:
    """Articles of different shops from the home page (one basket, several shops)."""
    html = urllib.request.urlopen(base + "/", timeout=30).read().decode()
    return list(dict.fromkeys(re.findall(r'href="(/boutique/catalogue/[^"]+/)"', html)))[:count]


def walk(page, *, base: str, prefix: str, shot) -> None:
    for path in products(base):
        page.goto(base + prefix + path)
        button = page.locator("#add_to_basket_form button[type=submit]")
        if button.count():
            button.click()
    page.goto(f"{base}{prefix}/boutique/basket/")
    shot("basket")
    page.goto(f"{base}{prefix}/commande/?commune=61001")
    shot("choices")
    for group in page.locator("fieldset.checkout__group").all():
        radios = group.locator("input[type=radio]")
        if radios.count():
            radios.last.check()
        slot = group.locator("select")
        if slot.count() and slot.locator("option").count() > 1:
            slot.select_option(index=1)
    for name, value in {
        "email": "marie@example.org",
        "phone": "02 33 12 34 56",
        "first_name": "Marie",
        "last_name": "Lefèvre",
        "line1": "3 rue aux Sieurs",
        "postcode": "61000",
        "city": "Alençon",
    }.items():
        page.fill(f"input[name={name}]", value)
    page.locator("form[method=post] button[type=submit].button").click()
    shot("choices-terms-missing")
    page.check("input[name=accept_terms]")
    page.locator("form[method=post] button[type=submit].button").click()
    page.wait_for_url("**/commande/paiement/")
    page.wait_for_timeout(500)  # the card field of the payment server
    shot("recap")
    page.locator("a[href$='/commande/']").last.click()
    shot("choices-back")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/shots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        for language, prefix in LANGUAGES.items():
            for size, (width, height) in SIZES.items():
                context = browser.new_context(
                    locale=language, viewport={"width": width, "height": height}
                )
                page = context.new_page()

                def shot(name, page=page, language=language, size=size):
                    target = out / f"checkout-{name}-{language}-{size}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)

                walk(page, base=args.base, prefix=prefix, shot=shot)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
