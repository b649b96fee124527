"""Cross-shop product search on Wagtail's search framework (app label: product_search)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductSearchConfig(AppConfig):
    # Oscar's search app owns the label `search` and must stay installed.
    name = "search"
    label = "product_search"
    verbose_name = _("Recherche de produits")

    def ready(self) -> None:
        from search import checks, signals  # noqa: F401  (checks register on import)

        signals.connect()
