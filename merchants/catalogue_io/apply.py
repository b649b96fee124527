"""Writing a confirmed import preview, in one transaction, through merchants.products."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from merchants.catalogue_io.preview import ImportLine, ImportPreview, Progress, RejectedLine
from merchants.products import product_set_main_photo, products_bulk_save_for_merchant

CHUNK = 1000


class ImportRefused(Exception):
    """The preview has refused lines (and only valid lines were not asked for) or a file error."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedLine] = field(default_factory=list)


def _write_photos(*, preview: ImportPreview, lines: list[ImportLine], products) -> None:
    for line, product in zip(lines, products, strict=True):
        if line.photo_changes:
            photo = preview.photos.clean(preview.photos.find(line.photo_name))
            product_set_main_photo(merchant=preview.merchant, product=product, photo=photo)


def _write_chunk(*, preview: ImportPreview, creates: list, updates: list) -> None:
    result = products_bulk_save_for_merchant(
        merchant=preview.merchant,
        creates=[line.data for line in creates],
        updates=[(line.stockrecord, line.data) for line in updates],
    )
    _write_photos(preview=preview, lines=creates, products=result.created)
    _write_photos(preview=preview, lines=updates, products=result.updated)


def import_apply(
    *, preview: ImportPreview, valid_only: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Create and update the preview's good lines; all or nothing.

    Raises ImportRefused, writing nothing, if the file had refused lines and ``valid_only``
    is False. Unchanged lines are not written at all.
    """
    if not preview.can_apply(valid_only=valid_only):
        raise ImportRefused(
            " ".join(preview.file_errors)
            or _("Le fichier contient des lignes refusées : rien n'a été importé.")
        )
    creates, updates = preview.to_create, preview.to_update
    todo, done = len(creates) + len(updates), 0
    with transaction.atomic():
        for start in range(0, max(len(creates), len(updates)), CHUNK):
            chunk_creates = creates[start : start + CHUNK]
            chunk_updates = updates[start : start + CHUNK]
            _write_chunk(preview=preview, creates=chunk_creates, updates=chunk_updates)
            done += len(chunk_creates) + len(chunk_updates)
            if progress:
                progress(done, todo)
    return ImportResult(
        created=len(creates),
        updated=len(updates),
        unchanged=len(preview.unchanged),
        rejected=list(preview.rejected),
    )
