"""Back-office pages of search: the weekly query report (staff only). Thin: search.analytics."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.snippets.views.snippets import SnippetViewSet

from merchants.staff import user_is_council_staff
from search.analytics import (
    search_queries_top,
    search_queries_without_results,
    search_query_weeks,
    week_start,
)
from search.models import SearchSynonym


def search_queries_report(request):
    if not user_is_council_staff(request.user):
        raise PermissionDenied
    try:
        week = week_start(datetime.date.fromisoformat(request.GET.get("semaine", "")))
    except ValueError:
        week = week_start(timezone.localdate())
    return render(
        request,
        "product_search/admin/queries.html",
        {
            "page_title": _("Recherches des clients"),
            "week": week,
            "weeks": search_query_weeks(),
            "top": search_queries_top(week=week),
            "without_results": search_queries_without_results(week=week),
        },
    )


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Synonymes de recherche")
    menu_order = 850
    add_to_admin_menu = True
    list_display = ["terms"]
    search_fields = ["terms"]
