"""Wagtail's page routing through the sitewide memo: one query for the page served.

Wagtail walks the page tree for each request: the localized root, then one query per path
level for the child and one more for its specific object (two per level). The memo keeps
which page a path leads to (by site, language and path); a known path costs one query, the
specific page with what its template reads (``SELECT_RELATED``). The page's own ``route()``
still runs on it, so its checks (live, a suspended shop's page is a 404) hold as they are
now, not as they were when the path was memoised.

A path Wagtail routes to something else than the plain page (a sub-route of a routable
page, arguments) is not memoised: it is routed by Wagtail every time.
"""

from __future__ import annotations

import functools

from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest
from django.utils import translation
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from orne_site.editorial.page_memos import page_view_restrictions, site_for_request
from orne_site.editorial.sitewide import MISSING, memo_peek, memo_put

# What each page type's template reads through a foreign key, read with the page.
SELECT_RELATED = {
    "merchants.merchantpage": ("merchant__commune", "logo", "cover_image"),
    "editorial.homepage": ("hero_image", "cta_page"),
    "editorial.campaignpage": ("hero_image",),
    "editorial.newspage": ("image",),
}
NOT_FOUND = "not-found"


def _memo_name(site_id: int, path: str) -> str:
    return f"route:{site_id}:{translation.get_language()}:{path}"


def _page_load(page_id: int, content_type_id: int) -> Page | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    related = ("locale",) + SELECT_RELATED.get(model._meta.label_lower, ())
    return model.objects.select_related(*related).filter(pk=page_id).first()


def _restrictions_from_memo(page: Page) -> None:
    # Wagtail's on_serve_page hook asks page.get_view_restrictions() (two queries); the
    # memo knows every restriction and its page's path, so it answers without one.
    # A partial rather than a lambda: the page stays picklable.
    page.get_view_restrictions = functools.partial(page_view_restrictions, page)


def _wagtail_route(request: HttpRequest, path: str, name: str | None) -> RouteResult | None:
    if hasattr(request, "_wagtail_route_for_request"):
        del request._wagtail_route_for_request
    route = Page.route_for_request(request, path)
    if name is not None:
        if route is None:
            memo_put(name, NOT_FOUND)
        elif not route[1] and not route[2]:
            memo_put(name, (route[0].pk, route[0].content_type_id))
    return route


def page_route(request: HttpRequest, path: str) -> RouteResult | None:
    """``Page.route_for_request``, through the memo; the result is left where Wagtail's
    ``serve`` view finds it (``request._wagtail_route_for_request``)."""
    site = site_for_request(request)
    if site is None:
        return Page.route_for_request(request, path)
    name = _memo_name(site.pk, path)
    found = memo_peek(name)
    if found is MISSING:
        route = _wagtail_route(request, path, name)
    elif found == NOT_FOUND:
        route = None
        request._wagtail_route_for_request = None
    else:
        page = _page_load(*found)
        if page is None:  # deleted since, the generation not bumped yet
            route = _wagtail_route(request, path, None)
        else:
            try:
                route = page.route(request, [])
            except Http404:
                route = None
            request._wagtail_route_for_request = route
    if route is not None:
        _restrictions_from_memo(route[0])
    return route
