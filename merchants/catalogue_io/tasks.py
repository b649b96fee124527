"""The import of a confirmed preview as a django-tasks task, with its progress recorded in
`CatalogueImport` (the back office's status page reads it).

Steps of `catalogue_import_run`:
1. mark the record running; read the kept files into a fresh preview (the shop as it is now);
2. write it through `import_apply`, saving done/total every chunk;
3. record the outcome (counts, or the French reason nothing was written) and remove the files.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from merchants.catalogue_io.apply import ImportRefused, ImportResult, import_apply
from merchants.catalogue_io.uploads import import_upload_discard, import_upload_preview
from merchants.models import CatalogueImport

Status = CatalogueImport.Status


def catalogue_import_enqueue(*, record: CatalogueImport) -> None:
    catalogue_import_run.enqueue(import_id=record.pk)


def _progress(record: CatalogueImport):
    def report(done: int, total: int) -> None:
        record.done, record.total = done, total
        CatalogueImport.objects.filter(pk=record.pk).update(done=done, total=total)

    return report


@task()
def catalogue_import_run(*, import_id: int) -> None:
    record = CatalogueImport.objects.select_related("merchant").get(pk=import_id)
    if record.status != Status.PENDING:
        return  # already run (a task may be delivered twice)
    record.status, record.started_at = Status.RUNNING, timezone.now()
    record.save(update_fields=["status", "started_at"])

    def apply(preview) -> ImportResult:
        record.total = len(preview.to_create) + len(preview.to_update)
        record.save(update_fields=["total"])
        return import_apply(
            preview=preview, valid_only=record.valid_only, progress=_progress(record)
        )

    try:
        result = import_upload_preview(merchant=record.merchant, token=record.token, apply=apply)
    except ImportRefused as refusal:
        record.status, record.errors = Status.FAILED, [str(refusal)]
    except Exception:
        record.status = Status.FAILED
        record.errors = [_("L'import a échoué : rien n'a été écrit. Réessayez ou contactez-nous.")]
        raise
    else:
        record.status, record.created, record.updated = Status.DONE, result.created, result.updated
        record.done = record.total
        record.errors = [
            _("ligne %(line)d : %(reason)s") % {"line": line.line, "reason": line.reason}
            for line in result.rejected
        ]
    finally:
        record.finished_at = timezone.now()
        record.save()
        if record.status == Status.DONE:
            import_upload_discard(merchant_id=record.merchant_id, token=record.token)
