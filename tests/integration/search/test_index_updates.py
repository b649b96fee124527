"""The index follows the database after commit: products, stock records, merchants."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backend

from commerce.partner.services import stockrecord_set_price
from search.models import SearchableProduct
from search.query import ProductQuery
from search.selectors import product_search
from tests.factories import Category, category, commune
from tests.search_engines import refresh_engine

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


def facet_labels(name: str) -> dict[str, str]:
    page = product_search(query=ProductQuery())
    return {value.value: value.label for value in page.facets[name]}


def test_renamed_or_moved_category_renames_its_products(indexed, shop, product):
    with indexed():
        food = category("Alimentation", "alimentation")
        cheese = category("Fromages", "fromages", parent=food)
        product("Pont-l'Évêque", merchant=shop(), categories=[cheese])
    with indexed():
        food.name = "Épicerie fine"
        food.save()
    assert facet_labels("category")["alimentation"] == "Épicerie fine"
    assert found(text="épicerie") == ["Pont-l'Évêque"]

    # A move rewrites the subtree's paths: the chain in the documents follows.
    with indexed():
        dairy = category("Crèmerie", "cremerie")
        cheese.move(dairy, pos="last-child")
        Category.objects.get(pk=cheese.pk).save()  # as the dashboard's form does
    assert found(categories=("cremerie",)) == ["Pont-l'Évêque"]
    assert found(categories=("alimentation",)) == []


def test_renamed_commune_and_intercommunality_rename_their_shops_products(camembert, indexed):
    alencon = commune("61001")
    with indexed():
        alencon.name = "Alençon-sur-Sarthe"
        alencon.save()
    assert facet_labels("commune")["61001"] == "Alençon-sur-Sarthe"
    assert found(text="Sarthe") == ["Camembert fermier"]

    epci = alencon.intercommunality
    with indexed():
        epci.name = "Communauté urbaine renommée"
        epci.save()
    assert facet_labels("intercommunality")[epci.code] == "Communauté urbaine renommée"


def test_database_rebuild_costs_the_same_queries_for_more_products(search_backend, shop, product):
    """The database backend reads each field through its method: none may query."""
    if search_backend != "database":
        pytest.skip("the engine rebuild sends _bulk requests; counted in bench/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.search.models import IndexEntry

    from search.rebuild import search_indexes_rebuild

    merchant = shop()
    food = category("Alimentation", "alimentation")

    def rebuild_queries() -> int:
        # From an empty index each time: modelsearch updates entries it finds one by one.
        IndexEntry.objects.all().delete()
        with CaptureQueriesContext(connection) as queries:
            search_indexes_rebuild()
        return len(queries.captured_queries)

    for i in range(2):
        product(f"Terrine {i}", merchant=merchant, categories=[food])
    rebuild_queries()  # what the backend creates once (FTS tables) is not counted
    few = rebuild_queries()
    for i in range(10):
        product(f"Rillettes {i}", merchant=merchant, categories=[food])
    assert rebuild_queries() == few
    assert found(text="rillettes") and len(found(text="terrine")) == 2


def test_what_the_engine_missed_is_caught_up_when_it_is_back(
    camembert, search_backend, settings, shop, product, django_capture_on_commit_callbacks
):
    if search_backend != "engine":
        pytest.skip("the database backend fails with its transaction: nothing to catch up")
    from django.core.management.base import CommandError

    from search import selectors
    from search.models import PendingIndexUpdate

    live = settings.WAGTAILSEARCH_BACKENDS
    down = {**live, "default": {**live["default"], "URLS": ["http://127.0.0.1:9"]}}
    settings.WAGTAILSEARCH_BACKENDS = down
    with django_capture_on_commit_callbacks(execute=True):  # the merchant's saves succeed
        record = camembert.stockrecords.get()
        record.num_in_stock = 0
        record.save()
        product("Livarot AOP", merchant=record.partner.merchant)
    assert PendingIndexUpdate.objects.filter(backend="default").count() == 2
    with pytest.raises(CommandError, match="toujours injoignable"):
        call_command("search_catch_up")
    assert PendingIndexUpdate.objects.filter(backend="default").count() == 2

    settings.WAGTAILSEARCH_BACKENDS = live
    selectors._backend.cache_clear()
    selectors.engine_circuit.reset()
    assert found(in_stock=True) == ["Camembert fermier"]  # what the engine still says
    call_command("search_catch_up", verbosity=0)
    refresh_engine()

    assert found(in_stock=True) == ["Livarot AOP"]
    assert found(text="camembert") == ["Camembert fermier"]
    assert not PendingIndexUpdate.objects.exists()


def test_a_full_rebuild_forgets_what_was_missed_before_it(camembert, search_backend):
    from search.models import PendingIndexUpdate

    PendingIndexUpdate.objects.create(
        backend="default", model=SearchableProduct._meta.label, object_id=camembert.pk
    )
    call_command("search_rebuild", verbosity=0)
    assert not PendingIndexUpdate.objects.exists()
