"""Catalogue import: the preview says what would happen, nothing is written until applied."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from oscar.core.loading import get_model
from PIL import Image

from merchants.catalogue_io import (
    ImportRefused,
    catalogue_export_csv,
    import_apply,
    import_preview,
)
from merchants.products import product_save_for_merchant
from tests.factories import CategoryFactory, MerchantFactory, MerchantStockRecordFactory

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db
HEADER = ["sku", "titre", "description", "categorie", "prix_ttc", "tva", "stock"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def fromages():
    food = CategoryFactory(name="Alimentation")
    CategoryFactory(name="Cidre et calvados", parent=food)
    return CategoryFactory(name="Fromages", parent=food)


def _csv(rows, *, header=HEADER, delimiter=",", encoding="utf-8") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows([header, *rows])
    return buffer.getvalue().encode(encoding)


def _row(n: int, **cells) -> list[str]:
    values = {
        "sku": f"SKU-{n:05d}",
        "titre": f"Camembert n° {n}",
        "description": "Au lait cru",
        "categorie": "Fromages",
        "prix_ttc": "12,90",
        "tva": "5,5",
        "stock": "7",
        **cells,
    }
    return [values[column] for column in HEADER]


def _thousand_lines_with_three_bad():
    rows = [_row(n) for n in range(1000)]
    # Data row i is on line i + 2 (line 1 is the header).
    rows[55] = _row(55, prix_ttc="douze")
    rows[418] = _row(418, tva="7")
    rows[997] = _row(997, categorie="Charcuterie lunaire")
    return _csv(rows)


def test_thousand_lines_with_three_bad_ones_reports_exactly_those_line_numbers(fromages):
    preview = import_preview(merchant=MerchantFactory(), csv_file=_thousand_lines_with_three_bad())
    assert [line.line for line in preview.rejected] == [57, 420, 999]
    assert len(preview.to_create) == 997


def test_file_with_bad_lines_writes_nothing(fromages):
    preview = import_preview(merchant=MerchantFactory(), csv_file=_thousand_lines_with_three_bad())
    with pytest.raises(ImportRefused):
        import_apply(preview=preview)
    assert not Product.objects.exists() and not StockRecord.objects.exists()


def test_valid_lines_only_writes_the_other_lines(fromages):
    merchant = MerchantFactory()
    preview = import_preview(merchant=merchant, csv_file=_thousand_lines_with_three_bad())
    result = import_apply(preview=preview, valid_only=True)
    assert result.created == 997
    assert StockRecord.objects.filter(partner=merchant.partner).count() == 997
    assert not StockRecord.objects.filter(partner_sku__in=["SKU-00055", "SKU-00418"]).exists()


def test_file_over_twenty_megabytes_is_refused_whole(fromages):
    data = _csv([_row(1, description="x" * (20 * 1024 * 1024))])
    preview = import_preview(merchant=MerchantFactory(), csv_file=io.BytesIO(data))
    assert preview.file_errors == ["Le fichier dépasse 20 Mo : découpez-le en plusieurs fichiers."]
    assert not preview.can_apply(valid_only=True)


def test_rejected_line_says_why_in_french(fromages):
    preview = import_preview(merchant=MerchantFactory(), csv_file=_csv([_row(1, tva="7")]))
    assert preview.rejected[0].reason == "tva : Taux de TVA « 7 » inconnu : 5,5, 10 ou 20."


def test_windows_1252_semicolon_decimal_comma_file_imports_right(fromages):
    rows = [_row(1, titre="Pâté de campagne à l'ancienne", prix_ttc="12,90", tva="5,5 %")]
    rows[0][3] = "fromages"  # the category, whatever its case
    data = _csv(rows, delimiter=";", encoding="cp1252")
    merchant = MerchantFactory()
    import_apply(preview=import_preview(merchant=merchant, csv_file=data))
    record = StockRecord.objects.select_related("product").get(partner=merchant.partner)
    assert record.product.title == "Pâté de campagne à l'ancienne"
    assert (record.price_incl_tax, record.vat_rate, record.price) == (
        Decimal("12.90"),
        "5.5",
        Decimal("12.23"),
    )
    assert list(record.product.categories.all()) == [fromages]


def test_category_path_picks_one_of_two_categories_with_the_same_name(fromages):
    CategoryFactory(name="Fromages", parent=CategoryFactory(name="Épicerie"))
    merchant = MerchantFactory()
    by_name = import_preview(merchant=merchant, csv_file=_csv([_row(1)]))
    assert "Plusieurs catégories" in by_name.rejected[0].reason
    by_path = import_preview(
        merchant=merchant, csv_file=_csv([_row(1, categorie="alimentation > fromages")])
    )
    assert by_path.to_create[0].data.category == fromages


def test_sku_met_twice_in_a_file_refuses_the_second_line(fromages):
    preview = import_preview(merchant=MerchantFactory(), csv_file=_csv([_row(1), _row(1)]))
    assert [(line.line, line.sku) for line in preview.rejected] == [(3, "SKU-00001")]
    assert "ligne 2" in preview.rejected[0].reason


def test_changed_price_is_an_update_and_same_values_are_unchanged(fromages):
    merchant = MerchantFactory()
    import_apply(preview=import_preview(merchant=merchant, csv_file=_csv([_row(1), _row(2)])))
    again = import_preview(merchant=merchant, csv_file=_csv([_row(1), _row(2, prix_ttc="13")]))
    assert [line.data.sku for line in again.unchanged] == ["SKU-00001"]
    assert [line.changes for line in again.to_update] == [("price_incl_tax",)]
    import_apply(preview=again)
    assert StockRecord.objects.get(partner_sku="SKU-00002").price_incl_tax == Decimal("13.00")


def test_update_rewrites_title_prices_stock_and_category(fromages):
    merchant = MerchantFactory()
    import_apply(preview=import_preview(merchant=merchant, csv_file=_csv([_row(1)])))
    changed = _row(1, titre="Camembert affiné", prix_ttc="15,00", tva="20", stock="0")
    changed[3] = "Alimentation > Cidre et calvados"
    preview = import_preview(merchant=merchant, csv_file=_csv([changed]))
    assert set(preview.to_update[0].changes) == {
        "title",
        "category",
        "price_incl_tax",
        "vat_rate",
        "stock",
    }
    import_apply(preview=preview)
    record = StockRecord.objects.select_related("product").get(partner=merchant.partner)
    assert record.product.title == "Camembert affiné"
    assert (record.price_incl_tax, record.price, record.num_in_stock) == (
        Decimal("15.00"),
        Decimal("12.50"),
        0,
    )
    assert [c.name for c in record.product.categories.all()] == ["Cidre et calvados"]


def test_import_never_touches_another_merchants_product_with_the_same_sku(fromages):
    other = MerchantStockRecordFactory(partner_sku="SKU-00001", price_incl_tax=Decimal("4.00"))
    merchant = MerchantFactory()
    preview = import_preview(merchant=merchant, csv_file=_csv([_row(1, prix_ttc="99")]))
    assert len(preview.to_create) == 1
    import_apply(preview=preview)
    other.refresh_from_db()
    assert other.price_incl_tax == Decimal("4.00")
    assert other.product.title != "Camembert n° 1"
    assert StockRecord.objects.filter(partner_sku="SKU-00001").count() == 2


def test_export_then_import_changes_nothing(fromages):
    merchant = MerchantFactory()
    tricky = [
        ("A1", "=SOMME(A1:A3)", 'Deux lignes\n; et des « guillemets » "doubles"', "250 g"),
        ("A2", "Cidre brut", "", "75 cl"),
        ("A3", "-20 % sur le lot", "- une liste\n- à tirets", ""),
    ]
    for sku, title, description, size in tricky:
        product_save_for_merchant(
            merchant=merchant,
            sku=sku,
            title=title,
            description=description,
            category=fromages,
            price_incl_tax=Decimal("10.05"),
            vat_rate="20",
            stock=3,
            size_label=size,
            is_active=sku != "A2",
        )
    preview = import_preview(merchant=merchant, csv_file=catalogue_export_csv(merchant=merchant))
    assert (len(preview.to_create), len(preview.to_update), len(preview.rejected)) == (0, 0, 0)
    assert len(preview.unchanged) == 3


def test_export_is_utf8_with_bom_and_semicolons(fromages):
    merchant = MerchantFactory()
    MerchantStockRecordFactory(merchant=merchant, partner_sku="B1", category=fromages)
    data = catalogue_export_csv(merchant=merchant)
    lines = data.decode("utf-8-sig").splitlines()
    assert data.startswith(b"\xef\xbb\xbf")
    assert lines[0] == "sku;titre;description;categorie;prix_ttc;tva;stock;contenance;actif"
    assert lines[1].endswith(";Alimentation > Fromages;12,90;5,5;10;;oui")


def test_export_lists_only_the_merchants_own_articles(fromages):
    merchant = MerchantFactory()
    MerchantStockRecordFactory(merchant=merchant, partner_sku="MINE")
    MerchantStockRecordFactory(partner_sku="THEIRS")
    exported = catalogue_export_csv(merchant=merchant).decode("utf-8-sig")
    assert "MINE" in exported and "THEIRS" not in exported


def _jpeg(color) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), color).save(buffer, format="JPEG")
    return buffer.getvalue()


def _zip(files: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_photo_from_the_zip_becomes_the_main_photo_and_a_reimport_is_unchanged(fromages):
    merchant = MerchantFactory()
    header = [*HEADER, "image"]
    data = _csv([[*_row(1), "camembert.jpg"]], header=header)
    files = {"Photos/Camembert.JPG": _jpeg((200, 20, 20))}
    import_apply(preview=import_preview(merchant=merchant, csv_file=data, photos_zip=_zip(files)))
    product = Product.objects.get(stockrecords__partner=merchant.partner)
    assert product.images.count() == 1
    again = import_preview(merchant=merchant, csv_file=data, photos_zip=_zip(files))
    assert len(again.unchanged) == 1


def test_line_whose_photo_is_not_an_image_is_refused(fromages):
    header = [*HEADER, "image"]
    data = _csv([[*_row(1), "faux.jpg"]], header=header)
    preview = import_preview(
        merchant=MerchantFactory(), csv_file=data, photos_zip=_zip({"faux.jpg": b"texte"})
    )
    assert preview.rejected[0].line == 2
    assert "JPEG, PNG ou WebP" in preview.rejected[0].reason


def test_preview_of_a_thousand_lines_uses_a_fixed_number_of_queries(
    fromages, django_assert_max_num_queries
):
    merchant = MerchantFactory()
    for n in range(20):
        MerchantStockRecordFactory(merchant=merchant, partner_sku=f"SKU-{n:05d}", category=fromages)
    data = _csv([_row(n) for n in range(1000)])
    with django_assert_max_num_queries(4):
        preview = import_preview(merchant=merchant, csv_file=data)
    assert len(preview.to_update) == 20


def test_writing_a_thousand_new_lines_uses_bulk_queries_not_one_per_line(
    fromages, django_assert_max_num_queries
):
    merchant = MerchantFactory()
    preview = import_preview(merchant=merchant, csv_file=_csv([_row(n) for n in range(1000)]))
    # Bulk inserts: SQLite's 999-parameter limit splits them into ~55-row statements (about
    # 40 queries here; 6 on PostgreSQL); one query per line would be thousands.
    with django_assert_max_num_queries(60):
        import_apply(preview=preview)
    assert StockRecord.objects.filter(partner=merchant.partner).count() == 1000
