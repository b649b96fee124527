from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "orne_site.editorial"
    label = "editorial"
    verbose_name = _("Pages éditoriales")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from orne_site.editorial import receivers
        from orne_site.editorial.admin_search import name_what_the_page_search_counts

        receivers.connect()
        name_what_the_page_search_counts()
