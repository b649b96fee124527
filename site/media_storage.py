"""The media bucket's storage, the same however it is created.

sorl-thumbnail (Oscar's product thumbnails) creates its storage from the backend's class
path alone, ``Backend()``, at start-up and again for every thumbnail it reads back from its
cache: it never passes ``STORAGES['default']['OPTIONS']``. A bare ``S3Storage()`` has no
bucket, so every product photo was left out of the pages with ``MEDIA_STORAGE_URL=s3://…``.
"""

from __future__ import annotations

from django.conf import settings
from storages.backends.s3 import S3Storage


class MediaS3Storage(S3Storage):
    """S3Storage whose options default to those of ``STORAGES['default']``."""

    def __init__(self, **options):
        configured = settings.STORAGES.get("default", {}).get("OPTIONS", {})
        super().__init__(**{**configured, **options})
