"""The OpenAPI description covers API v1 only (Wagtail's admin API is not public)."""


def only_v1(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


ERROR = {
    "type": "object",
    "description": "Erreur : `detail`, ou pour un paramètre refusé, son nom et les messages.",
    "additionalProperties": {
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
    },
}
ERRORS = {
    "400": "Paramètre inconnu ou valeur refusée (JSON, en français)",
    "404": "Ressource introuvable",
    "429": "Trop de requêtes : réessayer plus tard (en-tête Retry-After)",
}


def error_responses(result, generator, request, public):
    """Every operation documents the errors it may answer, with their JSON shape."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for code, description in ERRORS.items():
                operation["responses"].setdefault(
                    code,
                    {
                        "description": description,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                        },
                    },
                )
    return result
