"""How the catalogue CSV's cells are read: French numbers, VAT rates, encodings, separators."""

from decimal import Decimal

import pytest

from merchants.catalogue_io.csv_format import (
    CellError,
    CsvFileError,
    escape_cell,
    parse_price,
    parse_stock,
    parse_vat,
    read_table,
    unescape_cell,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12,90", "12.90"), ("12.90", "12.90"), ("1 234,50 €", "1234.50"), ("1.234,50", "1234.50")],
)
def test_prices_are_read_with_a_decimal_comma_or_point(text, expected):
    assert parse_price(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["5,5", "5.5", "5,5 %", " 5,50% "])
def test_reduced_vat_rate_is_read_in_every_french_spelling(text):
    assert parse_vat(text) == "5.5"


@pytest.mark.parametrize(("text", "expected"), [("10", "10"), ("20", "20"), ("20 %", "20")])
def test_other_vat_rates_are_read(text, expected):
    assert parse_vat(text) == expected


def test_unknown_vat_rate_is_refused():
    with pytest.raises(CellError, match="5,5, 10 ou 20"):
        parse_vat("7")


def test_stock_with_decimals_is_refused():
    with pytest.raises(CellError):
        parse_stock("2,5")


def test_windows_1252_file_with_semicolons_is_read():
    data = "sku;titre;description;categorie;prix_ttc;tva;stock\nA;Pâté;;Épicerie;3,20;5,5;4\n"
    table = read_table(data.encode("cp1252"))
    assert (table.encoding, table.delimiter) == ("Windows-1252", ";")
    assert table.rows[0].cells["titre"] == "Pâté"


def test_utf8_bom_and_accented_headers_are_read():
    data = "\ufeffSKU,Titre,Description,Catégorie,Prix TTC,TVA,Stock\nA,Pâté,,x,1,20,1\n"
    table = read_table(data.encode("utf-8"))
    assert table.encoding == "UTF-8"
    assert table.rows[0].cells["categorie"] == "x"


def test_line_numbers_count_lines_inside_quoted_cells():
    data = (
        "sku,titre,description,categorie,prix_ttc,tva,stock\n"
        'A,a,"deux\nlignes",x,1,20,1\n'
        "B,b,,x,1,20,1\n"
    )
    assert [row.line for row in read_table(data.encode()).rows] == [2, 4]


def test_missing_column_is_a_file_error():
    with pytest.raises(CsvFileError, match="prix_ttc"):
        read_table(b"sku,titre,description,categorie,tva,stock\n")


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+33", "-20 %", "@cmd", "'=déjà"])
def test_formula_cells_are_escaped_on_export_and_restored_on_import(value):
    assert escape_cell(value) != value or not value.startswith(("=", "+", "-", "@"))
    assert unescape_cell(escape_cell(value)) == value
