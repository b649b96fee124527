"""Query analytics for staff: what shoppers search each week, and what finds nothing.

One row per week and folded query (search.models.SearchQueryWeek), counted with an UPDATE
so concurrent searches do not lose counts. The council reads the zero-result queries to
add synonyms (search.models.SearchSynonym) where shoppers fail.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from search.french import fold
from search.models import SearchQueryWeek

MAX_TEXT = 200


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def search_query_record(*, text: str, count: int, day: datetime.date | None = None) -> None:
    """Count one shopper search (its first page) of ``text`` that found ``count`` articles."""
    text = " ".join(fold(text).split())[:MAX_TEXT]
    if not text:
        return
    week = week_start(day or timezone.localdate())
    empty = 0 if count else 1
    rows = SearchQueryWeek.objects.filter(week=week, text=text)
    # One UPDATE for a query already seen this week (most searches); the row is created by
    # the first, and a concurrent first that created it meanwhile is counted by the UPDATE.
    if rows.update(searches=F("searches") + 1, without_results=F("without_results") + empty):
        return
    try:
        with transaction.atomic():
            SearchQueryWeek.objects.create(week=week, text=text, searches=1, without_results=empty)
    except IntegrityError:
        rows.update(searches=F("searches") + 1, without_results=F("without_results") + empty)


def search_queries_top(*, week: datetime.date, limit: int = 30) -> QuerySet[SearchQueryWeek]:
    return SearchQueryWeek.objects.filter(week=week).order_by("-searches", "text")[:limit]


def search_queries_without_results(
    *, week: datetime.date, limit: int = 30
) -> QuerySet[SearchQueryWeek]:
    return SearchQueryWeek.objects.filter(week=week, without_results__gt=0).order_by(
        "-without_results", "text"
    )[:limit]


def search_query_weeks(*, limit: int = 12) -> list[datetime.date]:
    """The weeks with searches, latest first (for the week picker)."""
    weeks = SearchQueryWeek.objects.order_by("-week").values_list("week", flat=True).distinct()
    return list(weeks[:limit])
