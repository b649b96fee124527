from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    name = "orne_site.figures"
    label = "figures"
    verbose_name = _("Chiffres de la place de marché")
