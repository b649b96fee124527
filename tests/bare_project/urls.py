"""The URLs a host project includes to mount the apps (no orne_site)."""

from django.apps import apps
from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [
    path("paiement/", include("commerce.payment.urls")),
    path("api/search/", include("search.api_urls")),
    # The basket grouped by shop answers at Oscar's basket URL: mounted before Oscar's.
    path("boutique/basket/", include("checkout.basket_urls")),
    path("recherche/", include("search.urls")),
    path("boutique/", include(apps.get_app_config("oscar").urls[0])),
    path("espace-commercant/", include("merchants.urls")),
    path("commande/", include("checkout.urls")),
    path("", include(wagtail_urls)),
]
