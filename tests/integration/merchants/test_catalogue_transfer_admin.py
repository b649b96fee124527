"""Import (upload → preview → confirm) and export of a catalogue in the back office."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model

from tests.factories import StockRecordFactory

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")

GOOD = "sku;titre;description;categorie;prix_ttc;tva;stock\n"


@pytest.fixture
def shop_client(client, onboard):
    Category.add_root(name="Fromages", slug="fromages")
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())
    client.shop = shop
    return client


def csv_upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("catalogue.csv", text.encode("cp1252"), content_type="text/csv")


def test_preview_writes_nothing_then_confirm_imports(shop_client):
    text = (
        GOOD
        + "LIV-1;Livarot;Affiné;Fromages;11,90;5,5;4\nPONT-1;Pont-l'Évêque;;Fromages;8,20;5,5;3\n"
    )

    preview = shop_client.post("/admin/articles/import/", {"catalogue": csv_upload(text)})

    content = html.unescape(preview.content.decode())
    assert "2 articles à créer" in content
    assert not StockRecord.objects.exists()
    token = preview.context["token"]
    done = shop_client.post("/admin/articles/import/", {"token": token})
    assert done.status_code == 302
    assert set(StockRecord.objects.values_list("partner_sku", flat=True)) == {"LIV-1", "PONT-1"}


def test_bad_lines_are_listed_and_block_the_import_unless_valid_only(shop_client):
    text = GOOD + "LIV-1;Livarot;;Fromages;11,90;5,5;4\nX;Sans prix;;Fromages;;5,5;1\n"
    preview = shop_client.post("/admin/articles/import/", {"catalogue": csv_upload(text)})
    content = html.unescape(preview.content.decode())
    assert "1 ligne refusée" in content and "<td>3</td>" in content
    token = preview.context["token"]

    refused = shop_client.post("/admin/articles/import/", {"token": token})
    assert refused.status_code == 200 and not StockRecord.objects.exists()
    shop_client.post("/admin/articles/import/", {"token": token, "valid_only": "1"})
    assert list(StockRecord.objects.values_list("partner_sku", flat=True)) == ["LIV-1"]


def test_export_gives_only_the_merchants_own_catalogue(shop_client, onboard):
    StockRecordFactory(partner=shop_client.shop.partner, partner_sku="MINE-1")
    other = onboard("Autre Boutique", email="autre@example.org")
    StockRecordFactory(partner=other.partner, partner_sku="THEIRS-1")

    response = shop_client.get("/admin/articles/export/", {"boutique": other.pk})

    content = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "MINE-1" in content and "THEIRS-1" not in content


def test_a_token_from_another_shop_finds_nothing(shop_client, onboard, client):
    text = GOOD + "LIV-1;Livarot;;Fromages;11,90;5,5;4\n"
    token = shop_client.post("/admin/articles/import/", {"catalogue": csv_upload(text)}).context[
        "token"
    ]
    other = onboard("Autre Boutique", email="autre@example.org")
    client.force_login(other.users.get())

    assert client.post("/admin/articles/import/", {"token": token}).status_code == 404
    assert not StockRecord.objects.exists()
