"""Reading an import file into a preview: what would be created, updated, left unchanged,
and each refused line with its number and reason. Nothing is written here.

Steps of `import_preview`:
1. read the CSV (encoding, separator, columns); a file-level problem stops there;
2. load what is needed in a fixed number of queries: the merchant's stock records by SKU,
   their categories, their main photos' codes, and every category once;
3. parse and check each line (the rules of `merchants.products`), refuse a SKU met twice;
4. check each photo named in the `image` column, from the zip;
5. sort the good lines into create / update / unchanged against the shop's current articles.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import IO

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from merchants.catalogue_io.categories import CategoryIndex
from merchants.catalogue_io.csv_format import (
    CellError,
    CsvFileError,
    CsvRow,
    cell_problems,
    parse_bool,
    parse_price,
    parse_stock,
    parse_vat,
    read_table,
)
from merchants.catalogue_io.photos import PhotoArchive
from merchants.models import Merchant
from merchants.products import ProductInput, photo_code, product_input_changes, product_input_errors

ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
# About 100,000 articles: far beyond a shop's catalogue, small enough to read in memory.
MAX_CSV_BYTES = 20 * 1024 * 1024
Progress = Callable[[int, int], None]

# French names of ProductInput's fields, for the reasons shown to the merchant.
FIELD_LABELS = {
    "sku": "sku",
    "title": "titre",
    "category": "categorie",
    "price_incl_tax": "prix_ttc",
    "vat_rate": "tva",
    "stock": "stock",
    "size_label": "contenance",
}


@dataclass(frozen=True)
class ImportLine:
    """A good line and what importing it would do."""

    line: int
    data: ProductInput
    action: str
    changes: tuple[str, ...] = ()
    stockrecord: StockRecord | None = None
    photo_name: str = ""
    photo_changes: bool = False


@dataclass(frozen=True)
class RejectedLine:
    line: int
    sku: str
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return " ; ".join(self.reasons)


@dataclass
class ImportPreview:
    """Everything the merchant sees before confirming; `import_apply` writes it."""

    merchant: Merchant
    lines: list[ImportLine] = field(default_factory=list)
    rejected: list[RejectedLine] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    encoding: str = ""
    delimiter: str = ""
    photos: PhotoArchive | None = None

    def _with(self, action: str) -> list[ImportLine]:
        return [line for line in self.lines if line.action == action]

    @property
    def to_create(self) -> list[ImportLine]:
        return self._with(CREATE)

    @property
    def to_update(self) -> list[ImportLine]:
        return self._with(UPDATE)

    @property
    def unchanged(self) -> list[ImportLine]:
        return self._with(UNCHANGED)

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.rejected)

    def can_apply(self, *, valid_only: bool = False) -> bool:
        """A file with refused lines imports nothing unless asked for the valid lines only."""
        return not self.file_errors and (valid_only or not self.rejected)


@dataclass
class _ShopState:
    """The merchant's current articles, fetched once for the whole file."""

    stockrecords: dict[str, StockRecord]
    category_ids: dict[int, set[int]]
    main_photo_codes: dict[int, str]
    categories: CategoryIndex


def _shop_state(*, merchant: Merchant, with_photos: bool) -> _ShopState:
    stockrecords = StockRecord.objects.filter(partner_id=merchant.partner_id).select_related(
        "product"
    )
    links = ProductCategory.objects.filter(
        product__stockrecords__partner_id=merchant.partner_id
    ).values_list("product_id", "category_id")
    category_ids: dict[int, set[int]] = {}
    for product_id, category_id in links:
        category_ids.setdefault(product_id, set()).add(category_id)
    main_photo_codes: dict[int, str] = {}
    if with_photos:
        images = ProductImage.objects.filter(
            product__stockrecords__partner_id=merchant.partner_id
        ).order_by("product_id", "-display_order")
        # Ordered so the lowest display order (the main photo) is written last and wins.
        for product_id, code in images.values_list("product_id", "code"):
            main_photo_codes[product_id] = code or ""
    return _ShopState(
        stockrecords={record.partner_sku: record for record in stockrecords},
        category_ids=category_ids,
        main_photo_codes=main_photo_codes,
        categories=CategoryIndex.load(),
    )


def _optional(cells: dict[str, str], column: str, parse: Callable[[str], object]):
    """None when the column is absent, so an update keeps the article's current value."""
    if column not in cells:
        return None
    text = cells[column]
    if column == "actif" and not text.strip():
        return None
    return parse(text)


def _parse(row: CsvRow, *, categories: CategoryIndex) -> tuple[ProductInput | None, list[str]]:
    """The line as typed data, or the French reasons it is refused."""
    cells, reasons, values = row.cells, [], {}
    parsers = {
        "categorie": categories.resolve,
        "prix_ttc": parse_price,
        "tva": parse_vat,
        "stock": parse_stock,
    }
    for column, parse in parsers.items():
        try:
            values[column] = parse(cells.get(column, ""))
        except CellError as error:
            reasons.append(f"{column} : {error}")
    try:
        is_active = _optional(cells, "actif", parse_bool)
    except CellError as error:
        reasons.append(f"actif : {error}")
        is_active = None
    if reasons:
        return None, reasons
    data = ProductInput(
        sku=cells.get("sku", "").strip(),
        title=cells.get("titre", "").strip(),
        description=cells.get("description", ""),
        category=values["categorie"],
        price_incl_tax=values["prix_ttc"],
        vat_rate=values["tva"],
        stock=values["stock"],
        size_label=_optional(cells, "contenance", str.strip),
        is_active=is_active,
    )
    errors = product_input_errors(data=data)
    for name, messages in errors.items():
        reasons.extend(f"{FIELD_LABELS.get(name, name)} : {message}" for message in messages)
    return (None, reasons) if reasons else (data, [])


def _photo_digest(preview: ImportPreview, name: str) -> str:
    """Check the photo now, so a bad one is reported with its line; keep only its digest."""
    if preview.photos is None:
        raise CellError(
            _("la photo « %(name)s » est indiquée mais aucun zip de photos n'a été envoyé.")
            % {"name": name}
        )
    return preview.photos.clean(preview.photos.find(name)).source_digest


def _classify(*, data: ProductInput, line: int, photo_digest: str, state: _ShopState):
    stockrecord = state.stockrecords.get(data.sku)
    if stockrecord is None:
        return ImportLine(line=line, data=data, action=CREATE, photo_changes=bool(photo_digest))
    changes = product_input_changes(
        stockrecord=stockrecord,
        data=data,
        category_ids=state.category_ids.get(stockrecord.product_id, set()),
    )
    photo_changes = bool(photo_digest) and state.main_photo_codes.get(
        stockrecord.product_id
    ) != photo_code(product=stockrecord.product, digest=photo_digest)
    if photo_changes:
        changes.append("photo")
    return ImportLine(
        line=line,
        data=data,
        action=UPDATE if changes else UNCHANGED,
        changes=tuple(changes),
        stockrecord=stockrecord,
        photo_changes=photo_changes,
    )


def _preview_row(row: CsvRow, *, preview: ImportPreview, state: _ShopState, first_line: dict):
    sku = row.cells.get("sku", "").strip()
    problems = cell_problems(row.cells)
    if problems:
        # Neither shown back in full nor parsed: the line is refused for what it holds.
        sku = "" if any(problem.startswith("sku ") for problem in problems) else sku
        preview.rejected.append(RejectedLine(line=row.line, sku=sku, reasons=tuple(problems)))
        return
    data, reasons = _parse(row, categories=state.categories)
    if sku and sku in first_line:
        reasons.append(
            _("sku : « %(sku)s » figure déjà ligne %(line)d.")
            % {"sku": sku, "line": first_line[sku]}
        )
    if sku:
        first_line.setdefault(sku, row.line)
    photo_name = row.cells.get("image", "").strip()
    digest = ""
    if photo_name and not reasons:
        try:
            digest = _photo_digest(preview, photo_name)
        except CellError as error:
            reasons.append(f"image : {error}")
    if reasons:
        preview.rejected.append(RejectedLine(line=row.line, sku=sku, reasons=tuple(reasons)))
        return
    line = _classify(data=data, line=row.line, photo_digest=digest, state=state)
    if photo_name:
        line = replace(line, photo_name=photo_name)
    preview.lines.append(line)


def import_preview(
    *,
    merchant: Merchant,
    csv_file: IO[bytes] | bytes,
    photos_zip: IO[bytes] | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read an import file against the merchant's catalogue; writes nothing."""
    preview = ImportPreview(merchant=merchant)
    data = csv_file if isinstance(csv_file, bytes) else csv_file.read(MAX_CSV_BYTES + 1)
    try:
        if len(data) > MAX_CSV_BYTES:
            raise CsvFileError(
                _("Le fichier dépasse %(max)d Mo : découpez-le en plusieurs fichiers.")
                % {"max": MAX_CSV_BYTES // (1024 * 1024)}
            )
        table = read_table(data)
        preview.photos = PhotoArchive(photos_zip) if photos_zip is not None else None
    except CsvFileError as error:
        preview.file_errors.append(str(error))
        return preview
    preview.encoding, preview.delimiter = table.encoding, table.delimiter
    preview.ignored_columns = table.ignored_columns
    state = _shop_state(merchant=merchant, with_photos="image" in table.columns)
    first_line: dict[str, int] = {}
    total = len(table.rows)
    for done, row in enumerate(table.rows, start=1):
        _preview_row(row, preview=preview, state=state, first_line=first_line)
        if progress and (done % 500 == 0 or done == total):
            progress(done, total)
    return preview
