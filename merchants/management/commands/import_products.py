"""`import_products --merchant <slug> FILE.csv [--dry-run] [--images FILE.zip] [--valid-only]`

A stable interface (issue 3): keep the name and options. Exit status 1 when nothing could
be imported (unreadable file, or refused lines without --valid-only), also for a dry run,
so a script can test a file before importing it.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from merchants.catalogue_io import ImportPreview, import_apply, import_preview
from merchants.management.progress import progress_bar
from merchants.models import Merchant

MAX_REJECTED_SHOWN = 200


def merchant_by_slug(slug: str) -> Merchant:
    merchant = Merchant.objects.select_related("partner").filter(slug=slug).first()
    if merchant is None:
        raise CommandError(_("Aucun commerçant n'a l'identifiant « %(slug)s ».") % {"slug": slug})
    return merchant


class Command(BaseCommand):
    help = _(
        "Importe les articles d'un commerçant depuis un fichier CSV "
        "(colonnes sku, titre, description, categorie, prix_ttc, tva, stock, image)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--merchant", required=True, help=_("Identifiant de la boutique."))
        parser.add_argument("csv_file", type=Path, metavar="FILE.csv")
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Montre ce qui changerait, sans rien écrire.")
        )
        parser.add_argument(
            "--images", type=Path, metavar="FILE.zip", help=_("Zip des photos (colonne image).")
        )
        parser.add_argument(
            "--valid-only",
            action="store_true",
            help=_("Importe les lignes valides même si d'autres sont refusées."),
        )

    def handle(self, *args, merchant, csv_file, dry_run, images, valid_only, **options):
        shop = merchant_by_slug(merchant)
        if not csv_file.is_file():
            raise CommandError(_("Fichier introuvable : %(path)s") % {"path": csv_file})
        photos = images.open("rb") if images else None
        try:
            preview = import_preview(
                merchant=shop,
                csv_file=csv_file.read_bytes(),
                photos_zip=photos,
                progress=progress_bar(self.stderr, _("Lecture")),
            )
            self._report(preview, csv_file=csv_file, dry_run=dry_run)
            if not preview.can_apply(valid_only=valid_only):
                raise CommandError(self._refusal(preview))
            if dry_run:
                self.stdout.write(_("Simulation (--dry-run) : rien n'a été écrit."))
                return
            result = import_apply(
                preview=preview,
                valid_only=valid_only,
                progress=progress_bar(self.stderr, _("Écriture")),
            )
        finally:
            if photos:
                photos.close()
        self.stdout.write(
            self.style.SUCCESS(
                _("Import terminé : %(created)d créés, %(updated)d mis à jour.")
                % {"created": result.created, "updated": result.updated}
            )
        )

    def _report(self, preview: ImportPreview, *, csv_file: Path, dry_run: bool) -> None:
        for error in preview.file_errors:
            self.stderr.write(self.style.ERROR(error))
        if preview.file_errors:
            return
        total = len(preview.lines) + len(preview.rejected)
        self.stdout.write(
            _("%(file)s : %(total)d lignes (%(encoding)s, séparateur « %(delimiter)s »).")
            % {
                "file": csv_file.name,
                "total": total,
                "encoding": preview.encoding,
                "delimiter": preview.delimiter.replace("\t", "tab"),
            }
        )
        if preview.ignored_columns:
            self.stdout.write(
                _("Colonnes ignorées : %(columns)s")
                % {"columns": ", ".join(preview.ignored_columns)}
            )
        label = _("Simulation") if dry_run else _("Aperçu")
        self.stdout.write(
            _(
                "%(label)s — créés : %(created)d, mis à jour : %(updated)d, "
                "inchangés : %(unchanged)d, refusés : %(rejected)d"
            )
            % {
                "label": label,
                "created": len(preview.to_create),
                "updated": len(preview.to_update),
                "unchanged": len(preview.unchanged),
                "rejected": len(preview.rejected),
            }
        )
        self._report_rejected(preview)

    def _report_rejected(self, preview: ImportPreview) -> None:
        if not preview.rejected:
            return
        self.stdout.write(
            _("Lignes refusées : %(lines)s")
            % {"lines": ", ".join(str(line.line) for line in preview.rejected)}
        )
        for line in preview.rejected[:MAX_REJECTED_SHOWN]:
            sku = f" ({line.sku})" if line.sku else ""
            self.stdout.write(
                "  "
                + _("ligne %(line)d%(sku)s : %(reason)s")
                % {"line": line.line, "sku": sku, "reason": line.reason}
            )
        if len(preview.rejected) > MAX_REJECTED_SHOWN:
            self.stdout.write(
                _("  … et %(count)d autres.")
                % {"count": len(preview.rejected) - MAX_REJECTED_SHOWN}
            )

    def _refusal(self, preview: ImportPreview) -> str:
        if preview.file_errors:
            return _("Fichier refusé : rien n'a été importé.")
        return _(
            "%(count)d lignes refusées : rien n'a été importé. Corrigez-les, ou relancez avec "
            "--valid-only pour importer les lignes valides."
        ) % {"count": len(preview.rejected)}
