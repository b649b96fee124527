"""Files uploaded for an import, kept in storage between the preview and the confirmation
(imports/<shop>/<token>/catalogue.csv and photos.zip).

A preview is discarded once imported, when the merchant uploads another file, or by
`import_previews_purge` once abandoned (older than a day).
"""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.core.files.storage import default_storage
from django.utils import timezone

from merchants.catalogue_io.preview import ImportPreview, import_preview
from merchants.models import Merchant

UPLOAD_FOLDER = "imports"
FILE_NAMES = ("catalogue.csv", "photos.zip")


def _folder(merchant_id: int, token: str) -> str:
    return f"{UPLOAD_FOLDER}/{merchant_id}/{token}"


def import_upload_save(*, merchant: Merchant, catalogue, photos=None) -> str:
    """Keep the uploaded files; the token names them for the confirmation."""
    token = uuid.uuid4().hex
    folder = _folder(merchant.pk, token)
    default_storage.save(f"{folder}/catalogue.csv", catalogue)
    if photos:
        default_storage.save(f"{folder}/photos.zip", photos)
    return token


def import_upload_exists(*, merchant: Merchant, token: str) -> bool:
    return default_storage.exists(f"{_folder(merchant.pk, token)}/catalogue.csv")


@contextmanager
def _opened(merchant: Merchant, token: str):
    folder = _folder(merchant.pk, token)
    with default_storage.open(f"{folder}/catalogue.csv", "rb") as csv_file:
        if default_storage.exists(f"{folder}/photos.zip"):
            with default_storage.open(f"{folder}/photos.zip", "rb") as photos:
                yield csv_file, photos
        else:
            yield csv_file, None


def import_upload_preview(*, merchant: Merchant, token: str, apply=None):
    """The preview of the kept files; with ``apply``, ``apply(preview)``'s result, run while
    the photos' zip is still open (writing reads the photos again)."""
    with _opened(merchant, token) as (csv_file, photos):
        preview: ImportPreview = import_preview(
            merchant=merchant, csv_file=csv_file, photos_zip=photos
        )
        return apply(preview) if apply else preview


def import_upload_discard(*, merchant_id: int, token: str) -> None:
    folder = _folder(merchant_id, token)
    for name in FILE_NAMES:
        if default_storage.exists(f"{folder}/{name}"):
            default_storage.delete(f"{folder}/{name}")


def import_uploads_purge(*, older_than: timedelta, now: datetime | None = None) -> int:
    """Delete the kept previews whose files are older than ``older_than``; how many."""
    cutoff = (now or timezone.now()) - older_than
    purged = 0
    if not default_storage.exists(UPLOAD_FOLDER):
        return 0
    for shop in default_storage.listdir(UPLOAD_FOLDER)[0]:
        for token in default_storage.listdir(f"{UPLOAD_FOLDER}/{shop}")[0]:
            folder = f"{UPLOAD_FOLDER}/{shop}/{token}"
            names = default_storage.listdir(folder)[1]
            times = [default_storage.get_modified_time(f"{folder}/{name}") for name in names]
            if times and max(times) < cutoff:
                for name in names:
                    default_storage.delete(f"{folder}/{name}")
                purged += 1
    return purged
