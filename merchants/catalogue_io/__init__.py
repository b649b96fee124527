"""Catalogue import and export for a merchant, as CSV (and a zip of photos).

- `import_preview(merchant=…, csv_file=…, photos_zip=None)` reads a file and says what
  would be created, updated, left unchanged or refused (line number and French reason);
  it writes nothing.
- `import_apply(preview=…, valid_only=False)` writes the preview in one transaction
  through `merchants.products`; a file with refused lines imports nothing unless
  ``valid_only`` (ImportRefused).
- `catalogue_export_csv(merchant=…)` gives the CSV back; importing it changes nothing.

In a web flow the preview is shown, the uploaded files are kept (e.g. in temporary
storage), and on confirmation `import_preview` runs again on them and that fresh preview
is applied, so what is written matches the shop as it is at that moment.

The format (columns, encodings, separators, numbers) is described in `csv_format` and in
the README.
"""

from merchants.catalogue_io.apply import ImportRefused, ImportResult, import_apply
from merchants.catalogue_io.csv_format import EXPORT_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from merchants.catalogue_io.export import catalogue_export_csv, catalogue_export_rows
from merchants.catalogue_io.preview import ImportLine, ImportPreview, RejectedLine, import_preview

__all__ = [
    "EXPORT_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ImportLine",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "RejectedLine",
    "catalogue_export_csv",
    "catalogue_export_rows",
    "import_apply",
    "import_preview",
]
