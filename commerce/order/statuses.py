"""The statuses of a merchant's order and which change is allowed from each.

The values are the French words stored in the database and read by the merchant in its back
office. No model import here: the settings build Oscar's pipeline from this module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
