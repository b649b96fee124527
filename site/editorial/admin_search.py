"""The Wagtail admin's page search names what it counts: « 1-3 sur 3 pages ».

Wagtail's page search view lists pages of every type and has no verbose name, so its
results header read « 1-3 sur 3 None ». Every page type without a viewset of its own,
and the search itself, go through Wagtail's base page viewset; its search view class is
the attribute it offers for a custom view.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import base_page_viewset


class PageSearchView(SearchView):
    verbose_name = _("page")
    verbose_name_plural = _("pages")


def name_what_the_page_search_counts() -> None:
    """Before the first request: the viewset builds its views once, at first use."""
    base_page_viewset.search_view_class = PageSearchView
