from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "orne_site.privacy"
    label = "privacy"
    verbose_name = _("Données personnelles")
    default_auto_field = "django.db.models.BigAutoField"
