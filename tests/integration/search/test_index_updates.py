"""The index follows the database after commit: products, stock records, merchants."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend

from commerce.partner.services import stockrecord_set_price
from search.models import SearchableProduct
from search.query import ProductQuery
from search.selectors import product_search
from tests.integration.search.conftest import commune, refresh_engine

pytestmark = pytest.mark.django_db


def found(**filters) -> list[str]:
    return [hit.title for hit in product_search(query=ProductQuery(**filters)).hits]


@pytest.fixture
def camembert(indexed, shop, product):
    with indexed():
        merchant = shop(name="Fromagerie Lebrun", commune_code="61001")
        item = product("Camembert fermier", merchant=merchant, price="4.80", stock=5)
    return item


def test_nothing_is_indexed_before_the_transaction_commits(
    search_backend, shop, product, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product("Livarot", merchant=shop())
    refresh_engine()
    assert callbacks, "indexing was not scheduled after commit"
    assert found(text="livarot") == []


def test_stock_running_out_updates_the_in_stock_filter(camembert, indexed):
    assert found(in_stock=True) == ["Camembert fermier"]
    with indexed():
        record = camembert.stockrecords.get()
        record.num_in_stock = 0
        record.save()
    assert found(in_stock=True) == []
    assert found(text="camembert") == ["Camembert fermier"]


def test_new_price_updates_the_price_filter_and_the_result(camembert, indexed):
    with indexed():
        stockrecord_set_price(
            stockrecord=camembert.stockrecords.get(), price_incl_tax=Decimal("6.10"), vat_rate="5.5"
        )
    page = product_search(query=ProductQuery(min_price=Decimal("6")))
    assert [(hit.title, hit.price) for hit in page.hits] == [("Camembert fermier", Decimal("6.10"))]


def test_merchant_moving_commune_moves_its_products(camembert, indexed):
    with indexed():
        merchant = camembert.stockrecords.get().partner.merchant
        merchant.commune = commune("61214")
        merchant.save()
    assert found(communes=("61001",)) == []
    assert found(communes=("61214",)) == ["Camembert fermier"]
    assert found(text="Aigle") == ["Camembert fermier"]


def test_deactivated_merchant_disappears_and_comes_back(camembert, indexed):
    merchant = camembert.stockrecords.get().partner.merchant
    with indexed():
        merchant.is_active = False
        merchant.save()
    assert found(text="camembert") == []
    with indexed():
        merchant.is_active = True
        merchant.save()
    assert found(text="camembert") == ["Camembert fermier"]


def test_product_withdrawn_or_deleted_disappears(camembert, indexed, shop, product):
    with indexed():
        other = product("Camembert au calvados", merchant=shop(name="Crèmerie Hébert"))
        camembert.is_public = False
        camembert.save()
    assert found(text="camembert") == ["Camembert au calvados"]
    with indexed():
        other.delete()
    assert found(text="camembert") == []


def test_delivery_communes_feed_the_delivers_to_filter(camembert, indexed):
    merchant = camembert.stockrecords.get().partner.merchant
    with indexed():
        merchant.offers_delivery = True
        merchant.save()
        merchant.delivery_communes.add(commune("61214"))
    assert found(delivers_to="61214") == ["Camembert fermier"]
    assert found(delivers_to="61001") == []
    assert found(modes=("delivery",)) == ["Camembert fermier"]


def test_rebuild_command_indexes_everything(camembert, search_backend):
    call_command("update_index", backend_name="default", verbosity=0)
    refresh_engine()
    assert found(text="camembert") == ["Camembert fermier"]
    backend = get_search_backend("default")
    if search_backend == "engine":
        # modelsearch's ATOMIC_REBUILD: a new index, then the alias swapped onto it.
        index = backend.get_index_for_model(SearchableProduct)
        assert index.is_alias()
        assert [i.name for i in index.aliased_indices()] != [index.name]


def test_search_rebuild_command_swaps_a_fresh_index_in(camembert, search_backend):
    backend = get_search_backend("default")
    before = None
    if search_backend == "engine":
        index = backend.get_index_for_model(SearchableProduct)
        call_command("search_rebuild", verbosity=0)
        before = [i.name for i in index.aliased_indices()]

    call_command("search_rebuild", verbosity=0)
    refresh_engine()

    assert found(text="camembert") == ["Camembert fermier"]
    if search_backend == "engine":
        after = [i.name for i in backend.get_index_for_model(SearchableProduct).aliased_indices()]
        assert len(after) == 1 and after != before
