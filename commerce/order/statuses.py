"""The statuses of a merchant's order and which change is allowed from each.

The values are the French words stored in the database and read by the merchant in its back
office. No model import here: the settings build Oscar's pipeline from this module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from commerce.order.fulfilment import FulfilmentMode


class OrderStatus(models.TextChoices):
    RECEIVED = "Reçue", _("Reçue")
    PREPARING = "En préparation", _("En préparation")
    READY = "Prête à retirer", _("Prête à retirer")
    SHIPPED = "Expédiée", _("Expédiée")
    COLLECTED = "Retirée", _("Retirée")
    DELIVERED = "Livrée", _("Livrée")
    CANCELLED = "Annulée", _("Annulée")


INITIAL_ORDER_STATUS = OrderStatus.RECEIVED
ORDER_STATUS_PIPELINE: dict[OrderStatus, tuple[OrderStatus, ...]] = {
    OrderStatus.RECEIVED: (OrderStatus.PREPARING, OrderStatus.CANCELLED),
    OrderStatus.PREPARING: (OrderStatus.READY, OrderStatus.SHIPPED, OrderStatus.CANCELLED),
    OrderStatus.READY: (OrderStatus.COLLECTED, OrderStatus.CANCELLED),
    OrderStatus.SHIPPED: (OrderStatus.DELIVERED,),
    OrderStatus.COLLECTED: (),
    OrderStatus.DELIVERED: (),
    OrderStatus.CANCELLED: (),
}
# Statuses that only make sense for one way of handing the order over.
ONLY_FOR: dict[OrderStatus, FulfilmentMode] = {
    OrderStatus.READY: FulfilmentMode.CLICK_COLLECT,
    OrderStatus.COLLECTED: FulfilmentMode.CLICK_COLLECT,
    OrderStatus.SHIPPED: FulfilmentMode.DELIVERY,
    OrderStatus.DELIVERED: FulfilmentMode.DELIVERY,
}
# The shopper has the articles: their allocation becomes a sale.
HANDED_OVER = (OrderStatus.COLLECTED, OrderStatus.DELIVERED)


def next_statuses(*, status: str, fulfilment_mode: str) -> list[OrderStatus]:
    """The statuses an order in ``status``, handed over by ``fulfilment_mode``, may move to."""
    return [
        candidate
        for candidate in ORDER_STATUS_PIPELINE.get(status, ())
        if ONLY_FOR.get(candidate, fulfilment_mode) == fulfilment_mode
    ]
