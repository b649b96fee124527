"""URL map: admin back offices first, then the shop, then Wagtail pages as the catch-all.

French is the default language and lives at the root; English lives under /en/
(``i18n_patterns`` with ``prefix_default_language=False``).
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from orne_site.editorial.sitemaps import AllLanguagesSitemap
from orne_site.editorial.views import favicon, page_serve
from orne_site.figures.views import figures_public
from orne_site.opendata import views as opendata_views
from orne_site.operations.health import healthz, readyz
from orne_site.shopper_accounts import ShopperLoginView

urlpatterns = [
    # Probes for the load balancer (orne_site/operations/health.py): no language prefix.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Wagtail admin is the one back office for council staff and merchants.
    path("admin/", include(wagtailadmin_urls)),
    # Django's admin stays for superusers' maintenance only.
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    # Browsers and crawlers ask for /favicon.ico whatever the page says: never a 404.
    path("favicon.ico", favicon),
    # Stripe posts its webhooks here; outside i18n_patterns so the URL never changes.
    path("paiement/", include("commerce.payment.urls")),
    # The product search API: no language prefix, its URLs are a stable interface.
    path("api/search/", include("search.api_urls")),
    # Open data files and their schemas: stable URLs (harvested), no language prefix.
    path("donnees/", include("orne_site.opendata.urls")),
    # The public API v1 for the département's app (OpenAPI at /api/v1/schema/).
    path("api/v1/", include("orne_site.api.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # The basket grouped by shop replaces Oscar's summary at the same URL (matched first).
    path("boutique/basket/", include("checkout.basket_urls")),
    path("recherche/", include("search.urls")),
    path("donnees/", opendata_views.opendata_index, name="opendata-index"),
    # The public results, computed once a day (orne_site/figures/public.py).
    path("chiffres/", figures_public, name="figures-public"),
    # Personal data requests, and 404s for Oscar's reviews, stock alerts and wishlists.
    path("", include("orne_site.privacy.urls")),
    # Oscar's haystack search and catalogue browse lead to our search page: mounted first.
    path("boutique/", include("search.oscar_urls")),
    # Shoppers need no account: login only, no registration, no unverified e-mail change
    # (orne_site/shopper_accounts.py says why). Matched before Oscar's own URLs.
    path("boutique/accounts/login/", ShopperLoginView.as_view(), name="shopper-login"),
    path(
        "boutique/accounts/register/",
        RedirectView.as_view(pattern_name="customer:login", permanent=False),
    ),
    path(
        "boutique/accounts/profile/edit/",
        RedirectView.as_view(pattern_name="customer:profile-view", permanent=False),
    ),
    path("boutique/", include(apps.get_app_config("oscar").urls[0])),
    path("espace-commercant/", include("merchants.urls")),
    path("commande/", include("checkout.urls")),
    # Wagtail serves every other path: keep it last.
    # Before Wagtail's own pattern (same shape): /en/ pages fall back to French, never 404.
    re_path(r"^((?:[\w\-]+/)*)$", page_serve, name="page-serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
