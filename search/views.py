"""Search page, JSON API and redirects from Oscar's search and browse: thin, they call
search.selectors and shape the answer."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from search.analytics import search_query_record
from search.forms import AutocompleteForm, ProductSearchForm
from search.query import PAGE_SIZE, SORTS, ProductQuery
from search.selectors import product_autocomplete, product_search
from search.serializers import page_data, suggestions_data


@require_GET
def search_results(request: HttpRequest) -> HttpResponse:
    form = ProductSearchForm(request.GET)
    if form.is_valid():
        query = form.to_query()
    else:
        # A hand-edited URL with a bad filter still gets the shopper's words searched,
        # unless the words themselves are refused (the page says why).
        text = "" if "q" in form.errors else form.cleaned_data.get("q", "")
        query = ProductQuery(text=" ".join(text.split()))
    page = product_search(query=query)
    if query.page == 1:
        search_query_record(text=query.text, count=page.count)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "product_search/results.html",
        {
            "form": form,
            "filter_errors": [name for name in form.errors if name != "q"],
            "query": query,
            "page": page,
            "sorts": SORTS,
            "page_size": PAGE_SIZE,
            "pagination_query": params.urlencode(),
        },
    )


@require_GET
def api_products(request: HttpRequest) -> JsonResponse:
    form = ProductSearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse(
            {"errors": form.errors.get_json_data()},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    query = form.to_query()
    page = product_search(query=query)
    if query.page == 1:
        search_query_record(text=query.text, count=page.count)
    response = JsonResponse(page_data(page, request), json_dumps_params={"ensure_ascii": False})
    # Which backend answered, for monitoring; not part of the body's stable shape.
    response["X-Search-Backend"] = "database-fallback" if page.degraded else page.backend
    return response


@require_GET
def api_autocomplete(request: HttpRequest) -> JsonResponse:
    form = AutocompleteForm(request.GET)
    if not form.is_valid():
        return JsonResponse(
            {"errors": form.errors.get_json_data()},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    suggestions = product_autocomplete(text=form.cleaned_data["q"])
    return JsonResponse(
        suggestions_data(suggestions, request), json_dumps_params={"ensure_ascii": False}
    )


def oscar_search_redirect(request: HttpRequest, **kwargs) -> HttpResponse:
    """Oscar's search and catalogue pages lead to this search (same `q` parameter)."""
    target = reverse("product_search:results")
    query = request.GET.urlencode()
    return redirect(f"{target}?{query}" if query else target, permanent=False)


def oscar_category_redirect(request: HttpRequest, category_slug: str, pk: int) -> HttpResponse:
    # Oscar's category URL holds the full slug path ("alimentation/fromages").
    slug = category_slug.rstrip("/").rsplit("/", 1)[-1]
    target = reverse("product_search:results")
    return redirect(f"{target}?{urlencode({'category': slug})}", permanent=False)
