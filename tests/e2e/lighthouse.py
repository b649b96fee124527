"""Lighthouse (npm, pinned) against Debian's Chromium, phone emulation (its default).

Installed like axe-core into var/node/ (`make lighthouse`, or here when missing); without
npm the tests skip, and fail with CI=true.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.services import chromium_path, require_service

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_VERSION = os.environ.get("LIGHTHOUSE_VERSION", "12.2.3")
PREFIX = ROOT / "var" / "node"
LIGHTHOUSE = PREFIX / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
# Chromium's debugging port when none is given (0: any free one).
DEFAULT_PORT = int(os.environ.get("LIGHTHOUSE_CHROME_PORT", "0"))


def lighthouse_binary() -> Path:
    if not LIGHTHOUSE.exists() and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PREFIX)]
            + [f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=False,
            timeout=600,
        )
    require_service(LIGHTHOUSE.exists(), "Lighthouse is not installed (needs npm: make lighthouse)")
    require_service(chromium_path() is not None, "Chromium is not installed (CHROMIUM_PATH)")
    return LIGHTHOUSE


def lighthouse_run(
    url: str,
    *,
    categories: tuple[str, ...],
    port: int = DEFAULT_PORT,
    cookie: str = "",
    report_path: Path | None = None,
) -> dict:
    """Scores (0-100) per category and the audits that lost points.

    ``port``: Chromium's debugging port (0: any free one; LIGHTHOUSE_CHROME_PORT sets the
    default), for machines where each user keeps to a range of ports. ``cookie``: a Cookie
    header sent with every request, to score a shopper's own pages (basket, payment) as
    that shopper sees them. ``report_path``:
    where to keep Lighthouse's JSON report (else it is read and thrown away).

    ``failing`` holds "category: title" lines for people, ``failing_ids`` (category, audit
    id) pairs for tests; ``report`` is the whole report (the bench's --explain reads it).
    """
    with tempfile.TemporaryDirectory() as folder:
        report = report_path or Path(folder) / "report.json"
        command = [
            str(lighthouse_binary()),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(categories)}",
            "--output=json",
            f"--output-path={report}",
            f"--port={port}",
        ]
        if cookie:
            command.append(f"--extra-headers={json.dumps({'Cookie': cookie})}")
        report.unlink(missing_ok=True)
        subprocess.run(
            command,
            env={**os.environ, "CHROME_PATH": chromium_path() or ""},
            check=False,
            timeout=240,
        )
        data = json.loads(report.read_text()) if report.exists() else {}
    scores, failing, failing_ids = {}, [], []
    for key, category in data.get("categories", {}).items():
        score = category.get("score")
        scores[key] = None if score is None else round(score * 100)
        for ref in category.get("auditRefs", []):
            audit = data["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                failing.append(f"{key}: {audit['title']}")
                failing_ids.append((key, ref["id"]))
    return {
        "scores": scores,
        "failing": failing,
        "failing_ids": failing_ids,
        "error": data.get("runtimeError"),
        "report": data,
    }
