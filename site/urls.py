"""URL map: admin back offices first, then the shop, then Wagtail pages as the catch-all.

French is the default language and lives at the root; English lives under /en/
(``i18n_patterns`` with ``prefix_default_language=False``).
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    # Wagtail admin is the one back office for council staff and merchants.
    path("admin/", include(wagtailadmin_urls)),
    # Django's admin stays for superusers' maintenance only.
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("i18n/", include("django.conf.urls.i18n")),
    # The product search API: no language prefix, its URLs are a stable interface.
    path("api/search/", include("search.api_urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("recherche/", include("search.urls")),
    # Oscar's haystack search and catalogue browse lead to our search page: mounted first.
    path("boutique/", include("search.oscar_urls")),
    path("boutique/", include(apps.get_app_config("oscar").urls[0])),
    # Wagtail serves every other path: keep it last.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
