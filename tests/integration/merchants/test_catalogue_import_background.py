"""Catalogue import files and big imports: previews do not pile up in storage, and a big
file is written by a task whose progress the back office shows."""

import html
import io
import os
import time

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from oscar.core.loading import get_model

from merchants.models import CatalogueImport

pytestmark = pytest.mark.django_db
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
HEADER = "sku;titre;description;categorie;prix_ttc;tva;stock\n"


def _catalogue(count: int) -> str:
    return HEADER + "".join(f"S{n};Tomme {n};;Fromages;8,50;5,5;3\n" for n in range(count))


@pytest.fixture
def shop_client(client, onboard, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Category.add_root(name="Fromages", slug="fromages")
    shop = onboard("Fromagerie Hébert")
    client.force_login(shop.users.get())
    client.shop = shop
    return client


def _upload(shop_client, text: str):
    upload = SimpleUploadedFile("catalogue.csv", text.encode("utf-8"), content_type="text/csv")
    return shop_client.post("/admin/articles/import/", {"catalogue": upload})


def _kept(shop_client, token: str) -> bool:
    return default_storage.exists(f"imports/{shop_client.shop.pk}/{token}/catalogue.csv")


def test_a_new_upload_removes_the_preview_it_replaces(shop_client):
    first = _upload(shop_client, _catalogue(2)).context["token"]

    second = _upload(shop_client, _catalogue(3)).context["token"]

    assert not _kept(shop_client, first)
    assert _kept(shop_client, second)


def test_purge_deletes_previews_older_than_a_day_only(shop_client):
    old = _upload(shop_client, _catalogue(2)).context["token"]
    shop_client.session.flush()  # another visit: the first preview is simply abandoned
    shop_client.force_login(shop_client.shop.users.get())
    recent = _upload(shop_client, _catalogue(2)).context["token"]
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(
        default_storage.path(f"imports/{shop_client.shop.pk}/{old}/catalogue.csv"),
        (two_days_ago, two_days_ago),
    )

    out = io.StringIO()
    call_command("import_previews_purge", stdout=out)

    assert "1 aperçus d'import supprimés" in out.getvalue()
    assert not _kept(shop_client, old)
    assert _kept(shop_client, recent)


def test_a_big_import_runs_as_a_task_and_its_page_shows_the_progress(shop_client, settings):
    settings.CATALOGUE_IMPORT_INLINE_MAX_LINES = 5
    token = _upload(shop_client, _catalogue(6)).context["token"]

    response = shop_client.post("/admin/articles/import/", {"token": token}, follow=True)

    record = CatalogueImport.objects.get()
    assert (record.merchant, record.status, record.done, record.total) == (
        shop_client.shop,
        CatalogueImport.Status.DONE,
        6,
        6,
    )
    assert StockRecord.objects.filter(partner=shop_client.shop.partner).count() == 6
    page = html.unescape(response.content.decode())
    assert "6 / 6 articles écrits" in page and "Terminé" in page
    assert not _kept(shop_client, token)


def test_another_shop_cannot_follow_an_import(shop_client, onboard, client):
    record = CatalogueImport.objects.create(merchant=shop_client.shop, token="0" * 32)
    other = onboard("Cidrerie Martin")
    client.force_login(other.users.get())

    response = client.get("/admin/articles/import/", {"suivi": record.pk})

    assert response.status_code == 404
