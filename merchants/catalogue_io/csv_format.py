"""The catalogue CSV as merchants and spreadsheets write it: encodings, separators, French
numbers. Reading is lenient (UTF-8 with or without BOM, Windows-1252, comma, semicolon or
tab, "12,90", "5,5 %"); writing is one fixed form that Excel in French opens as is (UTF-8
with BOM, semicolon, decimal comma) and that reading gives back unchanged.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from commerce.partner.vat import VatRate
from merchants.validators import validate_no_control_characters

REQUIRED_COLUMNS = ("sku", "titre", "description", "categorie", "prix_ttc", "tva", "stock")
# Optional: a photo's name inside the uploaded zip, the size text, shown on the site or not.
OPTIONAL_COLUMNS = ("image", "contenance", "actif")
EXPORT_COLUMNS = (*REQUIRED_COLUMNS, "contenance", "actif")
EXPORT_DELIMITER = ";"
DELIMITERS = (";", ",", "\t")
# A cell starting with one of these is a formula for a spreadsheet (CSV injection): the
# export prefixes it with an apostrophe, as spreadsheets do, and the import removes it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TRUE_WORDS = {"oui", "o", "1", "vrai", "true", "yes", "x", "actif"}
FALSE_WORDS = {"non", "n", "0", "faux", "false", "no", "inactif"}
VAT_BY_DECIMAL = {Decimal(value): value for value in VatRate.values}
# A long description fits; a runaway cell (a lost quote, a pasted file) is refused per line.
MAX_CELL_CHARS = 20_000
# The reader's own limit (131,072 by default) would stop the whole file with an exception:
# let it read any cell the file can hold, and refuse long cells ourselves.
READER_FIELD_LIMIT = 32 * 1024 * 1024


class CsvFileError(Exception):
    """The whole file cannot be read (encoding, missing columns): no line is looked at."""


class CellError(ValueError):
    """One cell's value is wrong; the message is French and says how to fix it."""


@dataclass(frozen=True)
class CsvRow:
    line: int  # the file's line where the row starts (the header is line 1)
    cells: dict[str, str]


@dataclass(frozen=True)
class CsvTable:
    encoding: str
    delimiter: str
    columns: tuple[str, ...]
    ignored_columns: tuple[str, ...]
    rows: list[CsvRow]


def normalize_text(text: str) -> str:
    """Case-, accent- and spacing-insensitive form for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    stripped = stripped.replace("\u2019", "'").replace("œ", "oe").replace("Œ", "oe")
    return " ".join(stripped.casefold().split())


def _column_key(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", normalize_text(header.strip().lstrip("\ufeff")))


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (BOM or not, what LibreOffice writes), UTF-16 (Excel's
    "Unicode text"), else Windows-1252 (Excel's "CSV (séparateur : point-virgule)")."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", "UTF-8")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", "UTF-16")]
    else:
        candidates = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252")]
    for codec, label in candidates:
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise CsvFileError(
        _("Le fichier n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en « CSV UTF-8 ».")
    )


def _sniff_delimiter(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _records(reader) -> Iterator[tuple[int, list[str]]]:
    # reader.line_num is where a record ends; a quoted cell may span several lines.
    last_line = 0
    for values in reader:
        start, last_line = last_line + 1, reader.line_num
        yield start, values


def read_table(data: bytes) -> CsvTable:
    text, encoding = decode(data)
    delimiter = _sniff_delimiter(text)
    if csv.field_size_limit() < READER_FIELD_LIMIT:
        csv.field_size_limit(READER_FIELD_LIMIT)
    # Strict: an unterminated quote is an error instead of swallowing the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return _read_records(reader, encoding=encoding, delimiter=delimiter)
    except csv.Error:
        raise CsvFileError(
            _(
                'Ligne %(line)d : guillemet non fermé ou mal placé. Vérifiez les guillemets (") '
                "de cette ligne, ou enregistrez de nouveau le fichier depuis votre tableur."
            )
            % {"line": max(reader.line_num, 1)}
        ) from None


def _read_records(reader, *, encoding: str, delimiter: str) -> CsvTable:
    records = _records(reader)
    header: list[str] = []
    for _line, values in records:
        if any(value.strip() for value in values):
            header = values
            break
    columns = tuple(_column_key(name) for name in header)
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise CsvFileError(
            _(
                "Colonnes manquantes : %(missing)s. "
                "La première ligne doit nommer les colonnes %(all)s."
            )
            % {"missing": ", ".join(missing), "all": ", ".join(REQUIRED_COLUMNS)}
        )
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    ignored = tuple(name for name in columns if name and name not in known)
    rows = []
    for line, values in records:
        if not any(value.strip() for value in values):
            continue  # blank lines, or rows of empty cells a spreadsheet leaves at the end
        cells = {name: unescape_cell(value) for name, value in zip(columns, values, strict=False)}
        rows.append(CsvRow(line=line, cells=cells))
    return CsvTable(encoding, delimiter, columns, ignored, rows)


def cell_problems(cells: dict[str, str]) -> list[str]:
    """French reasons a line's cells cannot be stored at all (before parsing them)."""
    problems = []
    for column, value in cells.items():
        if len(value) > MAX_CELL_CHARS:
            problems.append(
                _("%(column)s : cellule trop longue (%(max)d caractères au plus).")
                % {"column": column or "?", "max": MAX_CELL_CHARS}
            )
            continue
        try:
            validate_no_control_characters(value)
        except ValidationError:
            problems.append(
                _("%(column)s : caractère interdit (caractère de contrôle invisible).")
                % {"column": column or "?"}
            )
    return problems


def escape_cell(value: str) -> str:
    # A value already starting with an apostrophe gets one more, so reading is unambiguous.
    return f"'{value}" if value.startswith((*FORMULA_STARTS, "'")) else value


def unescape_cell(value: str) -> str:
    if value.startswith("'") and value[1:].startswith((*FORMULA_STARTS, "'")):
        return value[1:]
    return value


def _number_text(text: str) -> str:
    """'1 234,50 €' -> '1234.50': spaces (also non-breaking), € and % go, the last of
    ',' or '.' is the decimal mark and the other one groups thousands."""
    cleaned = re.sub(r"[\s\u00a0\u202f€%]", "", text)
    if "," in cleaned and "." in cleaned:
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        cleaned = cleaned.replace(thousands, "")
    return cleaned.replace(",", ".")


def parse_decimal(text: str) -> Decimal:
    try:
        value = Decimal(_number_text(text))
    except InvalidOperation:
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": text}) from None
    if not value.is_finite():
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": text})
    return value


def parse_price(text: str) -> Decimal:
    if not text.strip():
        raise CellError(_("Le prix TTC est obligatoire."))
    return parse_decimal(text)


def parse_vat(text: str) -> str:
    if not text.strip():
        raise CellError(_("Le taux de TVA est obligatoire (5,5, 10 ou 20)."))
    rate = VAT_BY_DECIMAL.get(parse_decimal(text))
    if rate is None:
        raise CellError(
            _("Taux de TVA « %(value)s » inconnu : 5,5, 10 ou 20.") % {"value": text.strip()}
        )
    return rate


def parse_stock(text: str) -> int:
    if not text.strip():
        raise CellError(_("Le stock est obligatoire (0 si l'article est épuisé)."))
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise CellError(_("Le stock est un nombre entier : « %(value)s ».") % {"value": text})
    return int(value)


def parse_bool(text: str) -> bool:
    word = normalize_text(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("« %(value)s » : écrivez « oui » ou « non ».") % {"value": text})


def format_decimal(value: Decimal) -> str:
    return format(value, "f").replace(".", ",")


def format_bool(value: bool) -> str:
    return "oui" if value else "non"


def write_table(rows: Iterator[list[str]], *, columns: Sequence[str] = EXPORT_COLUMNS) -> bytes:
    """The Excel-in-French form (see the module docstring); any export of the back office."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=EXPORT_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([escape_cell(value) for value in row])
    return codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8")
