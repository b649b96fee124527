"""Loading the official list of Orne communes shipped in merchants/data/, and sorting names."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

COMMUNES_FILE = Path(__file__).resolve().parent / "data" / "communes_orne.json"


def alphabetical_key(name: str) -> str:
    """Sort key of a place name: "Écouché" among the E, not after "Vrigny" as a code-point
    sort (SQLite's ORDER BY) puts it."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def communes_sync_from_file(
    *, commune_model, intercommunality_model, path: Path = COMMUNES_FILE
) -> dict[str, int]:
    """Create or update every commune and intercommunality of the file; return counts.

    The models are parameters so the data migration can pass its historical models and the
    ``load_communes`` command the current ones: one loader for both. Communes that left the
    file (merged communes) are kept, since merchants may still point at them.
    """
    records = json.loads(path.read_text(encoding="utf-8"))
    epcis = {}
    for record in records:
        if record["epci_code"] and record["epci_code"] not in epcis:
            epci, _ = intercommunality_model.objects.update_or_create(
                code=record["epci_code"], defaults={"name": record["epci_name"]}
            )
            epcis[epci.code] = epci
    created = 0
    for record in records:
        _, was_created = commune_model.objects.update_or_create(
            insee_code=record["insee_code"],
            defaults={
                "name": record["name"],
                "postal_codes": record["postal_codes"],
                "population": record["population"],
                "intercommunality": epcis.get(record["epci_code"]),
            },
        )
        created += was_created
    return {"communes": len(records), "created": created, "intercommunalities": len(epcis)}
