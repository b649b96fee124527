"""The public API v1 (orne_site.api): DRF, its OpenAPI description, CORS."""

from .env import env_list, env_str

# Public API v1 (orne_site.api): anonymous, read-only, throttled per client address. The
# throttle counts in the default cache: per process until CACHES names a shared one (Redis).
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Only the v1 views are DRF's; they set their own classes (orne_site.api.base).
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API du Marché de l'Orne",
    "DESCRIPTION": "Boutiques, articles, communes, campagnes et actualités, en lecture seule.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["orne_site.api.schema.only_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "orne_site.api.schema.error_responses",
    ],
}
# Browsers may call the API from these origins (the département's web app), comma-separated.
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/v1/.*$"
