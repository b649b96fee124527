"""A dashboard table as CSV (French Excel: ";" and decimal comma) or XLSX (real numbers)."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.formats import number_format
from openpyxl import Workbook
from openpyxl.styles import Font

from merchants.catalogue_io.csv_format import escape_cell
from orne_site.figures.dashboard import MONEY, TEXT, Table
from orne_site.figures.selectors import Period

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(table: Table, period: Period, ext: str) -> str:
    return f"{table.slug}_{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}.{ext}"


def _rows(table: Table) -> list[list]:
    return [*table.rows, *([table.total] if table.total else [])]


def _csv_cell(value, kind: str) -> str:
    if value is None:
        return ""
    if kind == TEXT:
        return escape_cell(str(value))
    if kind == MONEY:
        return number_format(value, 2)
    return str(value)


def table_csv(*, table: Table, period: Period) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(table, period, "csv")}"'
    response.write("\ufeff")  # Excel reads UTF-8 with its mark
    writer = csv.writer(response, delimiter=";")
    writer.writerow([column.title for column in table.columns])
    for row in _rows(table):
        writer.writerow(
            [
                _csv_cell(value, column.kind)
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    return response


def table_xlsx(*, table: Table, period: Period) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = table.slug[:31]
    sheet.append([column.title for column in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _rows(table):
        # Text as text (a shop named "=1+1" stays a name); amounts as numbers in euros.
        sheet.append(
            [
                str(value) if column.kind == TEXT and value is not None else value
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    for index, column in enumerate(table.columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 36 if column.kind == TEXT else 16
        if column.kind == MONEY:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = '#,##0.00 "€"'
        if column.kind == TEXT:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(table, period, "xlsx")}"'
    return response
