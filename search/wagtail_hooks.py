"""Registers search's back office: synonyms (a snippet) and the weekly query report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from merchants.staff import user_is_council_staff
from search.admin_views import SearchSynonymViewSet, search_queries_report

register_snippet(SearchSynonymViewSet)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_is_council_staff(request.user)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("recherches/", search_queries_report, name="product_search_queries")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return StaffMenuItem(
        _("Recherches des clients"), reverse("product_search_queries"), icon_name="search"
    )
