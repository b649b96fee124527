"""The open data page and files: thin views over the latest publication (services)."""

from __future__ import annotations

import json
from datetime import datetime

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from orne_site.opendata.datasets import DATASETS, LICENCE_NAME, LICENCE_URL, public_origin
from orne_site.opendata.dcat import catalogue_jsonld
from orne_site.opendata.services import opendata_manifest

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _last_modified(manifest: dict) -> str:
    return http_date(datetime.fromisoformat(manifest["generated_at"]).timestamp())


@require_GET
def opendata_index(request: HttpRequest) -> HttpResponse:
    manifest = opendata_manifest()
    files = manifest["files"] if manifest else {}
    datasets = [
        {
            "dataset": dataset,
            "rows": files.get(f"{dataset.slug}.csv", {}).get("rows"),
            "fields": dataset.fields,
        }
        for dataset in DATASETS.values()
    ]
    generated = datetime.fromisoformat(manifest["generated_at"]) if manifest else None
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets,
            "generated_at": generated,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
        },
    )


@require_GET
def opendata_file(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    manifest = opendata_manifest()
    entry = (manifest or {}).get("files", {}).get(f"{slug}.{fmt}")
    if slug not in DATASETS or fmt not in CONTENT_TYPES:
        raise Http404
    if entry is None or not default_storage.exists(entry["path"]):
        return JsonResponse(
            {"error": _("Ce fichier n'a pas encore été publié ; revenez demain.")}, status=503
        )
    response = FileResponse(
        default_storage.open(entry["path"]),
        content_type=CONTENT_TYPES[fmt],
        as_attachment=fmt == "csv",
        filename=f"{slug}-{manifest['date']}.{fmt}",
    )
    response["Last-Modified"] = _last_modified(manifest)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def opendata_schema(request: HttpRequest, slug: str) -> JsonResponse:
    dataset = DATASETS.get(slug)
    if dataset is None:
        raise Http404
    response = JsonResponse(
        dataset.table_schema(base_url=public_origin()),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def opendata_catalogue(request: HttpRequest) -> HttpResponse:
    manifest = opendata_manifest()
    body = catalogue_jsonld(base_url=public_origin(), manifest=manifest)
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=2),
        content_type="application/ld+json; charset=utf-8",
    )
    if manifest:
        response["Last-Modified"] = _last_modified(manifest)
    response["Access-Control-Allow-Origin"] = "*"
    return response
