"""Oscar's search and browse URLs, answered by this app (mounted before Oscar's own)."""

from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.oscar_search_redirect),
    path("catalogue/", views.oscar_search_redirect),
    path(
        "catalogue/category/<path:category_slug>_<int:pk>/",
        views.oscar_category_redirect,
    ),
]
