"""The import_products and export_products commands (a stable interface: name and options)."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model

from tests.factories import CategoryFactory, MerchantFactory, MerchantStockRecordFactory

StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db
HEADER = ["sku", "titre", "description", "categorie", "prix_ttc", "tva", "stock"]


@pytest.fixture(autouse=True)
def fromages():
    return CategoryFactory(name="Fromages")


def _write_csv(path, rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";").writerows([HEADER, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _rows(count, *, bad=()):
    return [
        [f"S{n}", f"Tomme n° {n}", "", "Fromages", "abc" if n in bad else "8,50", "5,5", "3"]
        for n in range(count)
    ]


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_products", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_dry_run_writes_nothing_and_says_what_would_change(tmp_path):
    merchant = MerchantFactory()
    path = _write_csv(tmp_path / "articles.csv", _rows(5))
    output = _run("--merchant", merchant.slug, str(path), "--dry-run")
    assert "créés : 5" in output and "rien n'a été écrit" in output
    assert not StockRecord.objects.exists()


def test_import_creates_the_articles_and_prints_a_summary(tmp_path):
    merchant = MerchantFactory()
    path = _write_csv(tmp_path / "articles.csv", _rows(5))
    output = _run("--merchant", merchant.slug, str(path))
    assert "Import terminé : 5 créés, 0 mis à jour." in output
    assert StockRecord.objects.filter(partner=merchant.partner).count() == 5


def test_refused_lines_are_listed_and_nothing_is_imported(tmp_path):
    merchant = MerchantFactory()
    path = _write_csv(tmp_path / "articles.csv", _rows(6, bad={1, 4}))
    out = io.StringIO()
    with pytest.raises(CommandError, match="2 lignes refusées"):
        call_command("import_products", "--merchant", merchant.slug, str(path), stdout=out)
    assert "Lignes refusées : 3, 6" in out.getvalue()
    assert not StockRecord.objects.exists()


def test_valid_only_imports_the_valid_lines(tmp_path):
    merchant = MerchantFactory()
    path = _write_csv(tmp_path / "articles.csv", _rows(6, bad={1, 4}))
    output = _run("--merchant", merchant.slug, str(path), "--valid-only")
    assert "refusés : 2" in output
    assert StockRecord.objects.filter(partner=merchant.partner).count() == 4


def test_unknown_merchant_is_an_error(tmp_path):
    path = _write_csv(tmp_path / "articles.csv", _rows(1))
    with pytest.raises(CommandError, match="inconnue-61"):
        _run("--merchant", "inconnue-61", str(path))


def test_export_command_writes_a_file_the_import_leaves_unchanged(tmp_path, fromages):
    merchant = MerchantFactory()
    MerchantStockRecordFactory(merchant=merchant, price_incl_tax=Decimal("3.10"), category=fromages)
    target = tmp_path / "export.csv"
    call_command("export_products", "--merchant", merchant.slug, str(target), stderr=io.StringIO())
    output = _run("--merchant", merchant.slug, str(target), "--dry-run")
    assert "créés : 0, mis à jour : 0, inchangés : 1, refusés : 0" in output
