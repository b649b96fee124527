"""Lighthouse (phone emulation) of each public page type of a running site.

    make lighthouse && make run   # in another shell
    .venv/bin/python bench/lighthouse_bench.py --base http://127.0.0.1:8000 [--explain]

Prints one line per page: performance, accessibility, best practices, SEO (0-100), and the
audits that lost points. ``--explain`` adds, per page, the performance metrics, the
largest paint's element and the opportunities Lighthouse sees (what to fix when
performance is below 90); ``--reports DIR`` keeps each page's JSON report there (open them
in https://googlechrome.github.io/lighthouse/viewer/ or read them with jq).

The basket and the checkout's choices are scored with one article in the basket: the bench
adds one, as a shopper would, and sends that browser's cookies with Lighthouse's requests.
The payment, confirmation and follow-up pages need a payment server and a paid checkout:
give them with ``--page NAME=PATH`` (a follow-up link from an order e-mail, for instance);
tests/e2e/test_lighthouse.py scores all of them.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.lighthouse import DEFAULT_PORT, lighthouse_run  # noqa: E402

PAGES = {
    "home": "/",
    "home (en)": "/en/",
    "shops index": "/commercants/",
    "shops (en)": "/en/commercants/",
    "campaigns index": "/temps-forts/",
    "news index": "/actualites/",
    "legal": "/mentions-legales/",
    "search": "/recherche/?q=fromage",
    "sign-up": "/espace-commercant/inscription/",
    "basket, empty": "/boutique/basket/",
}
# Found on a page of the running site: (name, page to read, link pattern).
FOUND = (
    ("shop", "/", r'href="(/commercants/[^"/]+/)"'),
    ("product", "/", r'href="(/boutique/catalogue/[^"]+/)"'),
    ("campaign", "/temps-forts/", r'href="(/temps-forts/[^"/]+/)"'),
    ("news", "/actualites/", r'href="(/actualites/[^"/]+/)"'),
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _read(opener, url: str) -> str:
    return opener.open(url, timeout=30).read().decode()


def discover(base: str) -> dict[str, str]:
    """The pages whose address depends on the data: the first of each kind linked."""
    pages = {}
    for name, where, pattern in FOUND:
        found = re.search(pattern, _read(urllib.request.build_opener(), base + where))
        if found:
            pages[name] = found.group(1)
    if "product" in pages:
        product = _read(urllib.request.build_opener(), base + pages["product"])
        category = re.search(r'href="(/recherche/\?category=[^"]+)"', product)
        if category:
            pages["category listing"] = category.group(1).replace("&amp;", "&")
    return pages


def basket_cookie(base: str, product_path: str) -> str:
    """Add the product to a new basket; the Cookie header of that browser."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = _read(opener, base + product_path)
    form = re.search(r'<form id="add_to_basket_form" action="([^"]+)"', page)
    token = CSRF.search(page)
    if form is None or token is None:
        return ""
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1), "quantity": 1})
    request = urllib.request.Request(
        base + form.group(1), data=data.encode(), headers={"Referer": base + product_path}
    )
    opener.open(request, timeout=30)
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def explain(report: dict) -> list[str]:
    """The metrics, the largest paint's element and the performance opportunities."""
    audits = report.get("audits", {})
    lines = [
        "metrics: "
        + ", ".join(
            f"{audits[key]['title']} {audits[key].get('displayValue', '?')}"
            for key in METRICS
            if key in audits
        )
    ]
    element = audits.get("largest-contentful-paint-element", {}).get("details", {})
    for item in element.get("items", [])[:1]:
        node = (item.get("items") or [item])[0].get("node", {})
        if node:
            lines.append(f"largest paint: {node.get('snippet', '')[:140]}")
    refs = report.get("categories", {}).get("performance", {}).get("auditRefs", [])
    for ref in refs:
        audit = audits.get(ref["id"], {})
        details = audit.get("details") or {}
        savings = details.get("overallSavingsMs") or 0
        if audit.get("score") is None or audit["score"] >= 1:
            continue
        if details.get("type") == "opportunity" or savings:
            kib = (details.get("overallSavingsBytes") or 0) / 1024
            lines.append(
                f"opportunity: {audit['title']} ({savings:.0f} ms, {kib:.0f} KiB)"
                + "".join(
                    f"\n                 {item.get('url', '')[:110]}"
                    for item in details.get("items", [])[:3]
                    if item.get("url")
                )
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="Chromium's debugging port")
    parser.add_argument(
        "--page", action="append", default=[], metavar="NAME=PATH", help="another page to score"
    )
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="only these")
    parser.add_argument("--reports", type=Path, help="keep each page's JSON report in this folder")
    parser.add_argument("--explain", action="store_true", help="metrics and opportunities")
    parser.add_argument(
        "--commune", default="61001", help="INSEE code of the commune the checkout page is for"
    )
    args = parser.parse_args()
    pages = dict(PAGES)
    pages.update(discover(args.base))
    shopper = {
        "basket, one line": "/boutique/basket/",
        "checkout": f"/commande/?commune={args.commune}",
    }
    product = pages.get("product")
    if product:
        pages.update(shopper)
    pages.update(item.split("=", 1) for item in args.page)
    if args.only:
        pages = {name: path for name, path in pages.items() if name in args.only}
    cookies = {}
    if product and set(shopper) & set(pages):
        cookie = basket_cookie(args.base, product)
        cookies = {name: cookie for name in shopper}
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    print(f"{'page':<18} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}")
    for name, path in pages.items():
        report = args.reports / f"{re.sub(r'[^a-z0-9]+', '-', name)}.json" if args.reports else None
        result = lighthouse_run(
            args.base + path,
            categories=CATEGORIES,
            port=args.port,
            cookie=cookies.get(name, ""),
            report_path=report,
        )
        s = result["scores"]
        print(
            f"{name:<18} {s.get('performance')!s:>5} {s.get('accessibility')!s:>5} "
            f"{s.get('best-practices')!s:>5} {s.get('seo')!s:>5}   {path}",
            flush=True,
        )
        if result["error"]:
            print(f"{'':<10} ! {result['error']}")
        for line in result["failing"]:
            print(f"{'':<10} - {line}")
        if args.explain:
            for line in explain(result["report"]):
                print(f"{'':<10} · {line}", flush=True)


if __name__ == "__main__":
    main()
