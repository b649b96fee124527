"""Product photo thumbnails that degrade to "no photo" when the photo's file is gone.

sorl-thumbnail (Oscar's product thumbnails, our ``{% thumbnail %}`` and ``{% oscar_thumbnail %}``
tags) answers a missing source file (S3 bucket emptied, disk file lost) with a thumbnail that
has no size; a template reading ``thumb.width`` then raises ``TypeError`` and the product page,
the shop page and every product card answered 500. This backend (``THUMBNAIL_BACKEND``)
answers ``None`` instead, with a warning naming the file: the tags render nothing and the
templates show the article as they show one without a photo.

A missing photo is remembered for ``MISSING_PHOTO_SECONDS`` in the cache: without that, every
page showing the article asked the storage again (two S3 round trips per thumbnail), so a
lost bucket made each product page slow for as long as it lasted. A photo uploaded again
under the same name shows once the mark expires.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache
from sorl.thumbnail.base import ThumbnailBackend
from sorl.thumbnail.images import BaseImageFile, DummyImageFile

logger = logging.getLogger(__name__)
MISSING_PHOTO_SECONDS = 600


def _missing_key(file_) -> str:
    name = str(getattr(file_, "name", file_) or "")
    return "thumbnails:missing:" + hashlib.sha256(name.encode()).hexdigest()


class MissingPhotoTolerantBackend(ThumbnailBackend):
    def get_thumbnail(self, file_, geometry_string, **options) -> BaseImageFile | None:
        key = _missing_key(file_)
        if cache.get(key):
            return None
        try:
            thumbnail = super().get_thumbnail(file_, geometry_string, **options)
        except Exception:  # noqa: BLE001 - a photo is never worth a 500 page
            # Reached when the thumbnail exists but its source cannot be read back to be
            # recorded (sorl sizes the source through the storage).
            logger.warning("Photo %s unreadable; shown without it", file_, exc_info=True)
            cache.set(key, True, MISSING_PHOTO_SECONDS)
            return None
        # A dummy (THUMBNAIL_DUMMY, tests) has the geometry's size; only a real thumbnail of
        # a missing source comes back without one.
        if not isinstance(thumbnail, DummyImageFile) and thumbnail.size is None:
            logger.warning("Photo %s missing from the media storage; shown without it", file_)
            cache.set(key, True, MISSING_PHOTO_SECONDS)
            return None
        return thumbnail
