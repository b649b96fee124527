"""`export_products --merchant <slug> [FILE]`: the shop's articles as the import reads them
(UTF-8 with BOM, semicolons, decimal commas). Without FILE, the CSV goes to standard output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from merchants.catalogue_io import catalogue_export_csv
from merchants.management.commands.import_products import merchant_by_slug


class Command(BaseCommand):
    help = _("Exporte les articles d'un commerçant en CSV, réimportable avec import_products.")

    def add_arguments(self, parser):
        parser.add_argument("--merchant", required=True, help=_("Identifiant de la boutique."))
        parser.add_argument("file", nargs="?", type=Path, metavar="FILE")

    def handle(self, *args, merchant, file, **options):
        data = catalogue_export_csv(merchant=merchant_by_slug(merchant))
        if file is None:
            self.stdout.write(data.decode("utf-8"), ending="")
            return
        file.write_bytes(data)
        text = data.decode("utf-8-sig")
        rows = sum(1 for _row in csv.reader(io.StringIO(text, newline=""), delimiter=";")) - 1
        self.stderr.write(
            _("%(rows)d articles exportés dans %(file)s.") % {"rows": rows, "file": file}
        )
