"""What shoppers search, and what finds nothing, counted per week for staff."""

import datetime

import pytest
from django.urls import reverse

from search.analytics import search_queries_without_results, search_query_record, week_start
from search.models import SearchQueryWeek

pytestmark = pytest.mark.django_db


def test_zero_result_searches_show_up_in_the_analytics(client, db):
    client.get(reverse("product_search:results"), {"q": "Chocolatine"})
    client.get("/api/search/products/", {"q": "chocolatine"})

    [row] = SearchQueryWeek.objects.all()
    assert (row.text, row.searches, row.without_results) == ("chocolatine", 2, 2)
    week = week_start(datetime.date.today())
    assert [r.text for r in search_queries_without_results(week=week)] == ["chocolatine"]


def test_following_pages_are_not_counted_again(client, db):
    client.get(reverse("product_search:results"), {"q": "cidre", "page": "2"})

    assert not SearchQueryWeek.objects.exists()


def test_queries_are_counted_per_week(db):
    monday = datetime.date(2026, 11, 30)
    search_query_record(text="cidre", count=3, day=monday)
    search_query_record(text="Cidre", count=0, day=monday + datetime.timedelta(days=6))
    search_query_record(text="cidre", count=3, day=monday + datetime.timedelta(days=7))

    weeks = dict(SearchQueryWeek.objects.values_list("week", "searches"))
    assert weeks == {monday: 2, monday + datetime.timedelta(days=7): 1}


def test_staff_report_lists_top_and_zero_result_queries(client, django_user_model, db):
    search_query_record(text="bd", count=0)
    search_query_record(text="cidre", count=4)
    client.force_login(django_user_model.objects.create_superuser("chef", "c@orne.invalid", "x"))

    html = client.get(reverse("product_search_queries")).content.decode()

    assert "Recherches sans résultat" in html
    assert "Recherches les plus fréquentes" in html
    assert "<td>bd</td>" in html
    assert "<td>cidre</td>" in html


def test_report_is_refused_to_a_shopper_account(client, django_user_model, db):
    user = django_user_model.objects.create_user("client", "c@orne.invalid", "x")
    client.force_login(user)

    assert client.get(reverse("product_search_queries")).status_code in (302, 403)
