"""Hostile catalogue files (a runaway cell, a lost quote, a NUL byte): each is reported in
French, nothing is imported, and neither the command nor the back office answers 500."""

import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model

from tests.factories import MerchantFactory

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")

HEADER = "sku;titre;description;categorie;prix_ttc;tva;stock\n"
GOOD_LINE = "LIV-1;Livarot;Affiné;Fromages;11,90;5,5;4\n"
HUGE_CELL = HEADER + GOOD_LINE + "PONT-1;Pont;" + "x" * 200_000 + ";Fromages;8,20;5,5;3\n"
NUL_CELL = HEADER + GOOD_LINE + "PONT-1;Pont\x00l'Évêque;;Fromages;8,20;5,5;3\n"
LOST_QUOTE = HEADER + GOOD_LINE + 'PONT-1;"Pont;;Fromages;8,20;5,5;3\nX;Y;;Fromages;1;5,5;1\n'


@pytest.fixture
def fromages():
    return Category.add_root(name="Fromages", slug="fromages")


def _command(tmp_path, text: str) -> tuple[str, str]:
    path = tmp_path / "articles.csv"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_products",
            "--merchant",
            MerchantFactory().slug,
            str(path),
            stdout=out,
            stderr=err,
        )
    return out.getvalue(), err.getvalue()


def test_command_reports_a_cell_over_the_limit_and_imports_nothing(tmp_path, fromages):
    out, _err = _command(tmp_path, HUGE_CELL)

    assert "ligne 3 (PONT-1) : description : cellule trop longue" in out
    assert not StockRecord.objects.exists()


def test_command_reports_a_nul_byte_and_imports_nothing(tmp_path, fromages):
    out, _err = _command(tmp_path, NUL_CELL)

    assert "ligne 3 (PONT-1) : titre : caractère interdit" in out
    assert not StockRecord.objects.exists()


def test_command_reports_an_unterminated_quote_as_a_file_error(tmp_path, fromages):
    _out, err = _command(tmp_path, LOST_QUOTE)

    assert "guillemet non fermé" in err
    assert not StockRecord.objects.exists()


@pytest.fixture
def shop_client(client, onboard, fromages):
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())
    return client


def _upload(shop_client, text: str):
    upload = SimpleUploadedFile("catalogue.csv", text.encode("utf-8"), content_type="text/csv")
    return shop_client.post("/admin/articles/import/", {"catalogue": upload})


@pytest.mark.parametrize(
    ("text", "reason"),
    [(HUGE_CELL, "cellule trop longue"), (NUL_CELL, "caractère interdit")],
    ids=["huge-cell", "nul-byte"],
)
def test_back_office_refuses_the_bad_line_and_confirming_imports_nothing(shop_client, text, reason):
    preview = _upload(shop_client, text)

    assert preview.status_code == 200
    content = html.unescape(preview.content.decode())
    assert "1 ligne refusée" in content and reason in content
    confirmed = shop_client.post("/admin/articles/import/", {"token": preview.context["token"]})
    assert confirmed.status_code == 200
    assert not StockRecord.objects.exists()


def test_back_office_reports_an_unterminated_quote_without_an_error_page(shop_client):
    preview = _upload(shop_client, LOST_QUOTE)

    assert preview.status_code == 200
    assert "guillemet non fermé" in html.unescape(preview.content.decode())
    assert not StockRecord.objects.exists()
