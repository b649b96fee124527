"""axe-core for the browser tests: installed from npm into var/node/ when missing, injected
into the page by Playwright, run on the WCAG 2.1 A/AA rules.

`make test` installs it first (Makefile target `axe-core`); this module does the same for a
bare `pytest`, and with no npm at all the tests skip (or fail with CI=true).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.services import require_service

ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = os.environ.get("AXE_CORE_VERSION", "4.14.1")
AXE_PREFIX = ROOT / "var" / "node"
AXE_SCRIPT = AXE_PREFIX / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script() -> Path:
    if not AXE_SCRIPT.exists() and shutil.which("npm"):
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(AXE_PREFIX),
                f"axe-core@{AXE_VERSION}",
            ],
            check=False,
            timeout=300,
        )
    require_service(AXE_SCRIPT.exists(), "axe-core is not installed (needs npm: make axe-core)")
    return AXE_SCRIPT


def axe_violations(page, script: Path) -> list[dict]:
    # Evaluated through the DevTools protocol, not added as an inline <script>: the site's
    # Content-Security-Policy blocks inline scripts, as it should.
    page.evaluate(script.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        WCAG_21_AA,
    )


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} -> {', '.join(v['targets'])}" for v in violations
    )
