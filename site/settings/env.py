"""Reading configuration from environment variables, in one place.

Every setting that differs between machines comes from the environment; the helpers here
turn strings into typed values and translate ``SEARCH_URL`` into a search backend entry.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_required(name: str) -> str:
    value = env_str(name)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    return default if value is None else value.strip().lower() in TRUE_VALUES


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return default if value is None else int(value)


def env_float(name: str, default: float) -> float:
    value = env_str(name)
    return default if value is None else float(value)


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


# modelsearch backends by URL scheme. `elasticsearch://` talks to Elasticsearch 8/9 with the
# official client, which refuses OpenSearch servers; OpenSearch goes through opensearch-py.
# The modules in search.backends are modelsearch's, with the French index settings laid over.
SEARCH_BACKENDS_BY_SCHEME = {
    "opensearch": "search.backends.opensearch2",
    "opensearch2": "search.backends.opensearch2",
    "opensearch3": "search.backends.opensearch3",
    "elasticsearch": "search.backends.elasticsearch9",
    "elasticsearch8": "search.backends.elasticsearch8",
    "elasticsearch9": "search.backends.elasticsearch9",
}
DATABASE_SEARCH_BACKEND = {"BACKEND": "search.backends.database"}


def search_backend_from_url(url: str | None, *, index_prefix: str) -> dict:
    """Return a ``WAGTAILSEARCH_BACKENDS['default']`` entry for ``SEARCH_URL``.

    Unset means the database backend (SQLite FTS5 or PostgreSQL full text search), which is
    the embedded default and needs no server. ``https`` is kept when the scheme ends in ``s``
    (``opensearchs://``), so TLS can be asked for without another variable.
    """
    if not url:
        return dict(DATABASE_SEARCH_BACKEND)
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    secure = scheme.endswith("s") and scheme.rstrip("s") in SEARCH_BACKENDS_BY_SCHEME
    backend = SEARCH_BACKENDS_BY_SCHEME.get(scheme.rstrip("s") if secure else scheme)
    if backend is None:
        known = ", ".join(sorted(SEARCH_BACKENDS_BY_SCHEME))
        raise ImproperlyConfigured(f"SEARCH_URL scheme {scheme!r} is not one of: {known}.")
    http_scheme = "https" if secure else "http"
    netloc = parts.hostname or "127.0.0.1"
    port = parts.port or 9200
    auth = f"{parts.username}:{parts.password}@" if parts.username else ""
    return {
        "BACKEND": backend,
        "URLS": [f"{http_scheme}://{auth}{netloc}:{port}"],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
    }


def search_backends_from_url(url: str | None, *, index_prefix: str) -> dict:
    """Return ``WAGTAILSEARCH_BACKENDS`` for ``SEARCH_URL``.

    With an engine, a second backend named ``database`` is kept up to date next to it: it is
    what search answers from while the engine is unreachable (search.selectors).
    """
    default = search_backend_from_url(url, index_prefix=index_prefix)
    if default == DATABASE_SEARCH_BACKEND:
        return {"default": default}
    return {"default": default, "database": dict(DATABASE_SEARCH_BACKEND)}


def stripe_js_origin(url: str) -> str:
    """The origin (scheme://host[:port]) of a Stripe.js URL, for the security headers.

    ``https://js.stripe.com/v3/`` gives ``https://js.stripe.com``; localstripe's stand-in,
    ``http://127.0.0.1:8420/js.stripe.com/v3/``, gives ``http://127.0.0.1:8420``.
    """
    parts = urlsplit(url or "")
    if not parts.scheme or not parts.netloc:
        raise ImproperlyConfigured(f"STRIPE_JS_URL must be an absolute URL, not {url!r}.")
    return f"{parts.scheme}://{parts.netloc}"


def media_storage_from_url(url: str | None) -> dict:
    """Return ``STORAGES['default']`` for ``MEDIA_STORAGE_URL``.

    Unset: files on the local disk under MEDIA_ROOT (the embedded default). ``s3://bucket``
    (or ``s3://bucket/prefix``) stores media in an S3-compatible bucket through
    django-storages; query parameters ``endpoint_url`` (MinIO, Garage, Scaleway, moto...),
    ``region`` and ``custom_domain`` (a CDN in front) are passed on. Keys come from the usual
    AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, never from the URL.
    """
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL must look like s3://bucket, not {url!r}.")
    query = dict(parse_qsl(parts.query))
    options = {
        "bucket_name": parts.hostname,
        "location": parts.path.strip("/"),
        # Media are public (product photos); signed URLs would defeat any cache in front.
        "querystring_auth": False,
        "file_overwrite": False,
    }
    if "endpoint_url" in query:
        options["endpoint_url"] = query["endpoint_url"]
    if "region" in query:
        options["region_name"] = query["region"]
    if "custom_domain" in query:
        options["custom_domain"] = query["custom_domain"]
    return {"BACKEND": "orne_site.media_storage.MediaS3Storage", "OPTIONS": options}


def cache_from_url(url: str | None) -> dict:
    """Return ``CACHES['default']``: Redis for ``REDIS_URL``, else this process's memory."""
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "orne-marketplace",
        }
    return {
        "BACKEND": "orne_site.cache.TolerantRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "orne"),
        # A stopped Redis must cost a shopper milliseconds, not the kernel's TCP timeout.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


def tasks_from_env(name: str) -> dict:
    """Return ``TASKS``: ``database`` queues tasks in the database for ``manage.py db_worker``.

    ``immediate`` (the embedded default and the tests') runs each task in the process that
    enqueues it.
    """
    backend = (env_str(name, "immediate") or "").lower()
    if backend == "database":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    if backend == "immediate":
        return {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    raise ImproperlyConfigured(f"{name} must be 'database' or 'immediate', not {backend!r}.")


def frontend_cache_from_url(url: str | None) -> dict:
    """Return ``WAGTAILFRONTENDCACHE`` for ``FRONTEND_CACHE_URL`` (docs/deployment.md); {} if unset.

    ``http(s)://host:port`` is a Varnish or Squid purged by HTTP PURGE, ``cloudflare://ZONE``
    Cloudflare (token in CLOUDFLARE_BEARER_TOKEN), ``cloudfront://DISTRIBUTION`` CloudFront.
    """
    if not url:
        return {}
    parsed = urlsplit(url)
    backends = "wagtail.contrib.frontend_cache.backends"
    if parsed.scheme == "cloudflare":
        config = {
            "BACKEND": f"{backends}.CloudflareBackend",
            "ZONEID": parsed.netloc,
            "BEARER_TOKEN": env_required("CLOUDFLARE_BEARER_TOKEN"),
        }
    elif parsed.scheme == "cloudfront":
        config = {"BACKEND": f"{backends}.CloudfrontBackend", "DISTRIBUTION_ID": parsed.netloc}
    elif parsed.scheme in ("http", "https"):
        config = {"BACKEND": f"{backends}.HTTPBackend", "LOCATION": url}
    else:
        raise ImproperlyConfigured(f"FRONTEND_CACHE_URL: unknown scheme {parsed.scheme!r}")
    return {"default": config}
