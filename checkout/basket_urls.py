"""The basket grouped by shop, for the host project to mount at Oscar's basket URL.

No ``app_name``: the names stay the global ones the templates and tests use, and the
project mounts this before Oscar's URLs so it answers in place of Oscar's summary.
"""

from django.urls import path

from checkout import basket_views

urlpatterns = [
    path("", basket_views.basket_page, name="basket-by-shop"),
    path("ligne/<int:line_id>/", basket_views.basket_line_update, name="basket-line-update"),
]
