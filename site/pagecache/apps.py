from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    """Whole pages kept for anonymous visitors, dropped when what they show changes."""

    name = "orne_site.pagecache"
    label = "pagecache"
    verbose_name = _("Cache des pages")

    def ready(self) -> None:
        from orne_site.pagecache import receivers

        receivers.connect()
