"""The search JSON API (no language prefix: its URLs are a stable interface)."""

from django.urls import path

from search import views

app_name = "search_api"
urlpatterns = [
    path("products/", views.api_products, name="products"),
    path("autocomplete/", views.api_autocomplete, name="autocomplete"),
]
