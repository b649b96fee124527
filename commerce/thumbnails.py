"""Product photo thumbnails that degrade to "no photo" when the photo's file is gone.

sorl-thumbnail (Oscar's product thumbnails, our ``{% thumbnail %}`` and ``{% oscar_thumbnail %}``
tags) answers a missing source file (S3 bucket emptied, disk file lost) with a thumbnail that
has no size; a template reading ``thumb.width`` then raises ``TypeError`` and the product page,
the shop page and every product card answered 500. This backend (``THUMBNAIL_BACKEND``)
answers ``None`` instead, with a warning naming the file: the tags render nothing and the
templates show the article as they show one without a photo.
"""

from __future__ import annotations

import logging

from sorl.thumbnail.base import ThumbnailBackend
from sorl.thumbnail.images import BaseImageFile, DummyImageFile

logger = logging.getLogger(__name__)


class MissingPhotoTolerantBackend(ThumbnailBackend):
    def get_thumbnail(self, file_, geometry_string, **options) -> BaseImageFile | None:
        try:
            thumbnail = super().get_thumbnail(file_, geometry_string, **options)
        except Exception:  # noqa: BLE001 - a photo is never worth a 500 page
            # Reached when the thumbnail exists but its source cannot be read back to be
            # recorded (sorl sizes the source through the storage).
            logger.warning("Photo %s unreadable; shown without it", file_, exc_info=True)
            return None
        # A dummy (THUMBNAIL_DUMMY, tests) has the geometry's size; only a real thumbnail of
        # a missing source comes back without one.
        if not isinstance(thumbnail, DummyImageFile) and thumbnail.size is None:
            logger.warning("Photo %s missing from the media storage; shown without it", file_)
            return None
        return thumbnail
