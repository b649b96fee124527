"""The database backend's narrow product rows follow the catalogue, and an unchanged
document (a sale that leaves stock) is not written again."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import call_command

from search.index_version import search_index_version
from search.models import SearchProductRow
from search.query import ProductQuery
from search.selectors import product_search
from tests.factories import category

pytestmark = pytest.mark.django_db


@pytest.fixture
def database(search_backend):
    if search_backend != "database":
        pytest.skip("the rows belong to the database backend")


@pytest.fixture
def camembert(database, indexed, shop, product):
    with indexed():
        item = product("Camembert fermier", merchant=shop(), price="4.80", stock=2)
    return item


def counted(**filters) -> int:
    return product_search(query=ProductQuery(**filters)).count


def test_a_sale_that_leaves_stock_keeps_the_index_version(camembert, indexed):
    before = search_index_version()
    with indexed():
        camembert.stockrecords.get().allocate(1)
    assert search_index_version() == before
    assert counted(in_stock=True) == 1


def test_selling_the_last_one_changes_the_index_version(camembert, indexed):
    record = camembert.stockrecords.get()
    with indexed():
        record.allocate(1)
    before = search_index_version()
    with indexed():
        record.allocate(1)
    assert search_index_version() != before
    assert counted(in_stock=True) == 0
    assert counted(in_stock=False) == 1


def test_row_follows_a_product_edit(camembert, indexed):
    record = camembert.stockrecords.get()
    with indexed():
        record.price_incl_tax = Decimal("7.20")
        record.save()
    assert SearchProductRow.objects.get(pk=camembert.pk).price_cents == 720
    assert counted(min_price=7) == 1


def test_row_goes_with_its_deactivated_merchant(camembert, indexed):
    with indexed():
        merchant = camembert.stockrecords.get().partner.merchant
        merchant.is_active = False
        merchant.save()
    assert not SearchProductRow.objects.filter(pk=camembert.pk).exists()
    assert counted() == 0


def test_row_follows_a_category_change(camembert, indexed):
    cheeses, cider = category("Fromages", "fromages"), category("Cidres", "cidres")
    with indexed():
        link = camembert.categories.through.objects.create(product=camembert, category=cheeses)
    assert counted(categories=("fromages",)) == 1
    with indexed():
        link.category = cider
        link.save()
    assert counted(categories=("fromages",)) == 0
    assert counted(categories=("cidres",)) == 1


def test_rebuild_fills_the_rows_and_drops_stale_ones(camembert):
    SearchProductRow.objects.all().delete()
    call_command("search_rebuild", verbosity=0)
    assert list(SearchProductRow.objects.values_list("pk", flat=True)) == [camembert.pk]
    camembert.is_public = False
    camembert.save()  # outside indexed(): the rebuild has to notice
    call_command("search_rebuild", verbosity=0)
    assert not SearchProductRow.objects.exists()


def test_fill_command_writes_the_missing_rows_and_drops_stale_ones(camembert, product, shop):
    hidden = product("Pont-l'Évêque", merchant=shop(), price="5.10", stock=1)
    hidden.is_public = False
    hidden.save()
    SearchProductRow.objects.all().delete()
    SearchProductRow.objects.create(
        product=hidden,
        partner_id=0,
        merchant_id=0,
        offers_delivery=False,
        offers_click_collect=False,
        in_stock=True,
        date_created=hidden.date_created,
        digest="",
    )
    before = search_index_version()
    out = StringIO()
    call_command("search_fill_rows", stdout=out)
    assert list(SearchProductRow.objects.values_list("pk", flat=True)) == [camembert.pk]
    assert "1 article prêt pour les filtres." in out.getvalue()
    # Counts cached while the table was empty are not served any more.
    assert search_index_version() != before
    assert counted() == 1


def test_check_warns_while_the_rows_are_missing(camembert):
    assert not [m for m in run_checks(databases=["default"]) if m.id == "product_search.W002"]
    SearchProductRow.objects.all().delete()
    warnings = [m for m in run_checks(databases=["default"]) if m.id == "product_search.W002"]
    assert len(warnings) == 1
    assert "search_fill_rows" in warnings[0].hint
    # Not at every command's start: Django asks database checks of no database there.
    assert not [m for m in run_checks() if m.id == "product_search.W002"]
