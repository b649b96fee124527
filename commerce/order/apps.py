import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    """Oscar's order app, forked: one order per merchant, grouped under one paid checkout."""

    name = "commerce.order"
