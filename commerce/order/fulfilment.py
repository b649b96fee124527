"""How a shopper receives a merchant's order: the one definition of the fulfilment modes.

No model import here, so settings, search and forms can use it before apps are loaded.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FulfilmentMode(models.TextChoices):
    DELIVERY = "delivery", _("Livraison à domicile")
    CLICK_COLLECT = "click_collect", _("Retrait en boutique")
