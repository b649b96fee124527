import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked for merchant data on products."""

    name = "commerce.catalogue"

    def ready(self):
        super().ready()
        # Oscar's analytics count every product view and basket addition with an UPDATE of
        # the product's row: one write per anonymous page view, and under load the visitors
        # of a popular article queue on that row's lock. Nothing here reads those counters
        # (the marketplace has its own figures), so they are not kept. The purchase counter
        # stays: it is written with the orders (commerce/order/services.py).
        from oscar.apps.analytics.receivers import (
            receive_basket_addition,
            receive_product_view,
        )
        from oscar.core.loading import get_class

        product_viewed = get_class("catalogue.signals", "product_viewed")
        basket_addition = get_class("basket.signals", "basket_addition")
        product_viewed.disconnect(receive_product_view)
        basket_addition.disconnect(receive_basket_addition)
