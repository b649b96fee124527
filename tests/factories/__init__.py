"""factory_boy factories for the marketplace's models, by domain; import them from here."""

from tests.factories.catalogue import (
    Category,
    CategoryFactory,
    MerchantStockRecordFactory,
    Product,
    ProductClass,
    ProductClassFactory,
    ProductFactory,
    StockRecord,
    StockRecordFactory,
    category,
)
from tests.factories.editorial import WagtailImageFactory, page_add, products_block, shops_block
from tests.factories.merchants import (
    PASSWORD,
    USUAL_HOURS,
    MerchantFactory,
    OpeningPeriodFactory,
    Partner,
    PartnerFactory,
    commune,
    invoice_with_pdf,
    merchant_hours_set,
    shop_onboard,
    siret_number,
)
from tests.factories.orders import order_line_add, shop_order_place
from tests.factories.orders_bulk import OrderSpec, order_specs_random, orders_bulk_create

__all__ = [
    "OrderSpec",
    "order_specs_random",
    "orders_bulk_create",
    "siret_number",
    "PASSWORD",
    "USUAL_HOURS",
    "Category",
    "CategoryFactory",
    "MerchantFactory",
    "MerchantStockRecordFactory",
    "OpeningPeriodFactory",
    "Partner",
    "PartnerFactory",
    "Product",
    "ProductClass",
    "ProductClassFactory",
    "ProductFactory",
    "StockRecord",
    "StockRecordFactory",
    "WagtailImageFactory",
    "category",
    "commune",
    "invoice_with_pdf",
    "merchant_hours_set",
    "page_add",
    "products_block",
    "shop_onboard",
    "shop_order_place",
    "order_line_add",
    "shops_block",
]
