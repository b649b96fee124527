"""The search page (inside the site's language prefixes)."""

from django.urls import path

from search import views

app_name = "product_search"
urlpatterns = [
    path("", views.search_results, name="results"),
]
