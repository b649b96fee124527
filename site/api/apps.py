from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "orne_site.api"
    label = "orne_api"
    verbose_name = _("API publique v1")
