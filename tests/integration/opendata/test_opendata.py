"""Open data: files from the publication command, valid against their schemas, with DCAT."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from frictionless import Resource, Schema, validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS

from merchants.models import MerchantCategory
from orne_site.opendata.datasets import LICENCE_URL
from tests.factories import MerchantFactory, MerchantStockRecordFactory, merchant_hours_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def published(media):
    shop = MerchantFactory(
        name="Fromagerie Hébert, Alençon",
        siret="12345678900011",
        address="3 rue aux Sieurs",
        category=MerchantCategory.FROMAGERIE,
        offers_delivery=True,
        email="prive@example.org",
        phone="0600000000",
    )
    merchant_hours_set(merchant=shop)
    MerchantStockRecordFactory(merchant=shop, product__title="Camembert « fermier »")
    MerchantStockRecordFactory(merchant=shop, product__title="Livarot", num_in_stock=0)
    MerchantStockRecordFactory(merchant=shop, product__title="Caché", product__is_public=False)
    closed = MerchantFactory(name="Boutique fermée", is_active=False)
    MerchantStockRecordFactory(merchant=closed, product__title="Article d'une boutique fermée")
    call_command("opendata_publish", stdout=io.StringIO())
    return shop


def _csv(client, slug):
    response = client.get(f"/donnees/{slug}.csv")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.parametrize("slug", ["commerces", "articles"])
def test_each_csv_is_valid_against_its_published_table_schema(client, published, tmp_path, slug):
    schema = client.get(f"/donnees/schemas/{slug}.json").json()
    data = tmp_path / f"{slug}.csv"
    data.write_text(_csv(client, slug), encoding="utf-8")
    resource = Resource(
        path=data.name, basepath=str(tmp_path), schema=Schema.from_descriptor(schema)
    )
    report = validate(resource)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_shops_file_lists_only_active_shops_without_private_contacts(client, published):
    rows = list(csv.DictReader(io.StringIO(_csv(client, "commerces"))))
    assert [row["nom"] for row in rows] == ["Fromagerie Hébert, Alençon"]
    row = rows[0]
    assert row["siret"] == "12345678900011"
    assert row["code_insee"] == "61001"
    assert row["livraison"] == "true" and row["retrait"] == "true"
    assert row["horaires"].startswith("mardi 09:00-12:00, 14:00-18:00")
    body = _csv(client, "commerces")
    assert "prive@example.org" not in body and "0600000000" not in body


def test_articles_file_lists_online_articles_with_price_and_availability(client, published):
    rows = {row["titre"]: row for row in csv.DictReader(io.StringIO(_csv(client, "articles")))}
    assert set(rows) == {"Camembert « fermier »", "Livarot"}
    assert rows["Camembert « fermier »"]["disponible"] == "true"
    assert rows["Livarot"]["disponible"] == "false"
    assert Decimal(rows["Livarot"]["prix_ttc"]) == Decimal("12.90")
    assert rows["Livarot"]["taux_tva"] == "5.5"
    assert rows["Livarot"]["url"].startswith("http://localhost/")


def test_json_files_hold_the_same_rows_and_their_count(client, published):
    body = json.loads(b"".join(client.get("/donnees/articles.json").streaming_content))
    assert body["count"] == 2
    assert {row["titre"] for row in body["results"]} == {"Camembert « fermier »", "Livarot"}


def test_files_carry_their_date(client, published):
    response = client.get("/donnees/commerces.csv")
    assert "Last-Modified" in response
    assert "commerces-20" in response["Content-Disposition"]


def test_dcat_catalogue_parses_and_names_the_licence_and_every_distribution(client, published):
    response = client.get("/donnees/catalogue.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    graph = Graph().parse(data=response.content, format="json-ld")
    datasets = set(graph.subjects(predicate=DCAT.distribution))
    assert len(datasets) == 2
    for dataset in datasets:
        assert (dataset, DCTERMS.license, URIRef(LICENCE_URL)) in graph
    urls = {str(url) for url in graph.objects(predicate=DCAT.downloadURL)}
    assert urls == {
        f"http://localhost/donnees/{slug}.{fmt}"
        for slug in ("commerces", "articles")
        for fmt in ("csv", "json")
    }
    for url in urls:
        assert client.get(url.removeprefix("http://localhost")).status_code == 200


def test_page_describes_each_dataset_and_its_licence(client, published):
    page = client.get("/donnees/").content.decode()
    assert "Licence Ouverte" in page
    assert "Commerces du Marché de l" in page and "Articles en ligne" in page
    assert "/donnees/schemas/articles.json" in page


def test_before_the_first_publication_files_answer_a_french_503(client, media):
    response = client.get("/donnees/commerces.csv")
    assert response.status_code == 503
    assert "pas encore été publié" in response.json()["error"]


def test_the_daily_task_publishes_the_files(client, media):
    from orne_site.opendata.tasks import opendata_publish_daily

    assert opendata_publish_daily.call() == 4
    assert client.get("/donnees/articles.json").status_code == 200
