"""The DCAT-AP catalogue of the open datasets, in JSON-LD, as data.gouv.fr harvests it.

The context is written inline (no remote @context to fetch), so any JSON-LD parser reads it
offline.
"""

from __future__ import annotations

from django.conf import settings

from orne_site.opendata.datasets import DATASETS, LICENCE_NAME, LICENCE_URL

MEDIA_TYPES = {
    "csv": "https://www.iana.org/assignments/media-types/text/csv",
    "json": "https://www.iana.org/assignments/media-types/application/json",
}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:modified": {"@type": "xsd:dateTime"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dct:license": {"@type": "@id"},
    "dcat:downloadURL": {"@type": "@id"},
    "dcat:accessURL": {"@type": "@id"},
    "dcat:mediaType": {"@type": "@id"},
    "dct:conformsTo": {"@type": "@id"},
    "foaf:homepage": {"@type": "@id"},
    "dcat:landingPage": {"@type": "@id"},
}
PUBLISHER = "Département de l'Orne"


def catalogue_jsonld(*, base_url: str, manifest: dict | None) -> dict:
    modified = manifest["generated_at"] if manifest else None
    files = manifest["files"] if manifest else {}
    licence = {"@id": LICENCE_URL, "dct:title": LICENCE_NAME}
    publisher = {
        "@id": f"{base_url}/#departement",
        "@type": "foaf:Organization",
        "foaf:name": PUBLISHER,
        "foaf:homepage": f"{base_url}/",
    }
    datasets = []
    for dataset in DATASETS.values():
        distributions = []
        for fmt, media_type in MEDIA_TYPES.items():
            url = f"{base_url}/donnees/{dataset.slug}.{fmt}"
            entry = {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": f"{dataset.title} ({fmt.upper()})",
                "dcat:accessURL": url,
                "dcat:downloadURL": url,
                "dcat:mediaType": media_type,
                "dct:format": fmt.upper(),
                "dct:license": licence,
            }
            if fmt == "csv":
                entry["dct:conformsTo"] = f"{base_url}/donnees/schemas/{dataset.slug}.json"
            if modified and f"{dataset.slug}.{fmt}" in files:
                entry["dct:modified"] = modified
            distributions.append(entry)
        entry = {
            "@id": f"{base_url}/donnees/#{dataset.slug}",
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.slug,
            "dct:title": str(dataset.title),
            "dct:description": str(dataset.description),
            "dct:publisher": publisher,
            "dct:license": licence,
            "dct:language": "fr",
            "dct:accrualPeriodicity": "http://purl.org/cld/freq/daily",
            "dcat:landingPage": f"{base_url}/donnees/",
            "dcat:keyword": ["commerce", "Orne", "commerce local"],
            "dcat:distribution": distributions,
        }
        if modified:
            entry["dct:modified"] = modified
        datasets.append(entry)
    catalogue = {
        "@context": CONTEXT,
        "@id": f"{base_url}/donnees/catalogue.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": f"Données ouvertes du {settings.SITE_NAME}",
        "dct:description": "Catalogue DCAT-AP des jeux de données de la place de marché.",
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:language": "fr",
        "foaf:homepage": f"{base_url}/donnees/",
        "dcat:dataset": datasets,
    }
    if modified:
        catalogue["dct:modified"] = modified
    return catalogue
