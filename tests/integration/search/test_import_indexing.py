"""Articles written by the catalogue import (bulk, without model signals) are searchable."""

import pytest

from merchants.catalogue_io import import_apply, import_preview
from search.query import ProductQuery
from search.selectors import product_search
from tests.factories import category

pytestmark = pytest.mark.django_db

CSV = (
    "sku;titre;description;categorie;prix_ttc;tva;stock\n"
    "LIV-1;Livarot fermier;Affiné cinq semaines;Fromages;11,90;5,5;4\n"
).encode("cp1252")


def test_imported_articles_are_found_by_the_search(indexed, shop):
    category("Fromages", "fromages")
    merchant = shop()
    with indexed():
        import_apply(preview=import_preview(merchant=merchant, csv_file=CSV))

    page = product_search(query=ProductQuery(text="livarot"))

    assert [hit.title for hit in page.hits] == ["Livarot fermier"]
