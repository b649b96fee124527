"""Writing the open data files, dated, into the media storage, and reading back the latest.

Steps of `opendata_publish`:
1. write each dataset as CSV and JSON under ``opendata/<date>/`` (a run on the same day
   replaces that day's files);
2. then, last, write ``opendata/latest.json`` naming them, their date and row counts, so a
   reader never sees a half-written set: the views serve what the manifest names.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from orne_site.opendata.datasets import DATASETS, Dataset, dataset_rows, public_origin

MANIFEST = "opendata/latest.json"
FORMATS = ("csv", "json")


@dataclass(frozen=True)
class PublishedFile:
    dataset: str
    format: str
    path: str
    rows: int


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


def _write(path: str, content: bytes) -> str:
    if default_storage.exists(path):
        default_storage.delete(path)
    return default_storage.save(path, ContentFile(content))


def _render(dataset: Dataset, *, origin: str) -> tuple[bytes, bytes, int]:
    names = [field.name for field in dataset.fields]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    rows = []
    for row in dataset_rows(dataset, origin=origin):
        writer.writerow({name: _cell(row[name]) for name in names})
        rows.append(row)
    # Prices stay decimal strings ("12.90"), as in the API: money is never a float.
    body = json.dumps(
        {"dataset": dataset.slug, "count": len(rows), "results": rows},
        ensure_ascii=False,
        default=str,
    )
    return out.getvalue().encode("utf-8"), body.encode("utf-8"), len(rows)


def opendata_publish(*, now: datetime | None = None) -> list[PublishedFile]:
    now = now or timezone.now()
    day = timezone.localdate(now).isoformat()
    origin = public_origin()
    published: list[PublishedFile] = []
    for dataset in DATASETS.values():
        csv_body, json_body, count = _render(dataset, origin=origin)
        for fmt, body in (("csv", csv_body), ("json", json_body)):
            path = _write(f"opendata/{day}/{dataset.slug}.{fmt}", body)
            published.append(PublishedFile(dataset.slug, fmt, path, count))
    manifest = {
        "generated_at": now.isoformat(),
        "date": day,
        "files": {f"{p.dataset}.{p.format}": {"path": p.path, "rows": p.rows} for p in published},
    }
    _write(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
    return published


def opendata_manifest() -> dict | None:
    """The latest publication, or None before the first one."""
    if not default_storage.exists(MANIFEST):
        return None
    with default_storage.open(MANIFEST) as handle:
        return json.loads(handle.read().decode("utf-8"))
