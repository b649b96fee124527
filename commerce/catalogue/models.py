# Forked so merchant-facing fields can land without a new fork.
# Models declared here, before the star import, replace Oscar's.
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct


class Product(AbstractProduct):
    """An article a shop sells; Oscar's product plus what a French price tag shows."""

    # Free text, not a number and a unit: shops write "250 g", "75 cl", "lot de 6", "taille M".
    size_label = models.CharField(
        _("contenance ou poids"),
        max_length=64,
        blank=True,
        help_text=_("Par exemple « 250 g », « 75 cl » ou « lot de 6 »."),
    )


from oscar.apps.catalogue.models import *  # noqa: E402, F403
