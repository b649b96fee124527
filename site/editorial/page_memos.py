"""What pages ask about other pages, answered from the sitewide memo instead of a query each:
the Site of a request, the locales, the view restrictions (is a page private?), a page's live
translations, the site settings.

Each helper gives what Wagtail's own call would give (``Site.find_for_request``,
``Locale.get_for_language``, ``Page.get_view_restrictions``, ``PageQuerySet.public``,
``BaseSiteSetting.for_request``), from the memo (orne_site.editorial.sitewide).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from orne_site.editorial.sitewide import memo


def site_for_request(request: HttpRequest) -> Site | None:
    """``Site.find_for_request``, memoised by host and port (and cached on the request)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    try:
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
    except Exception:  # noqa: BLE001 - a malformed Host: let Wagtail decide as usual
        return Site.find_for_request(request)
    site = memo(f"site:{hostname}:{port}", lambda: Site._find_for_request(request))
    request._wagtail_site = site
    return site


def _locales_build() -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}


def locales_by_code() -> dict[str, Locale]:
    return memo("locales", _locales_build)


def locale_active() -> Locale | None:
    """The visitor's Locale (``Locale.get_active``) without a query."""
    locales = locales_by_code()
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return locales.get(code) or locales.get(
        get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )


@dataclass(frozen=True)
class Restrictions:
    """Every view restriction by page id, the restricted pages' paths, the aliases' sources."""

    by_page_id: dict[int, list[PageViewRestriction]] = field(default_factory=dict)
    page_id_by_path: dict[str, int] = field(default_factory=dict)
    alias_source_by_path: dict[str, int] = field(default_factory=dict)


def _restrictions_build() -> Restrictions:
    by_page_id: dict[int, list[PageViewRestriction]] = {}
    page_id_by_path: dict[str, int] = {}
    for restriction in PageViewRestriction.objects.select_related("page").order_by("pk"):
        by_page_id.setdefault(restriction.page_id, []).append(restriction)
        page_id_by_path[restriction.page.path] = restriction.page_id
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", "alias_of_id")
    return Restrictions(
        by_page_id=by_page_id, page_id_by_path=page_id_by_path, alias_source_by_path=dict(aliases)
    )


def restrictions() -> Restrictions:
    return memo("restrictions", _restrictions_build)


def page_view_restrictions(page: Page) -> list[PageViewRestriction]:
    """``page.get_view_restrictions()``: those of the page and its ancestors (an alias
    counts as its source page, as Wagtail has it), without a query."""
    memo_ = restrictions()
    if not memo_.by_page_id:
        return []
    found: list[PageViewRestriction] = []
    steplen = page.steplen
    for depth in range(1, page.depth + 1):
        path = page.path[: depth * steplen]
        if path == page.path and page.alias_of_id:
            page_id = page.alias_of_id
        else:
            page_id = memo_.alias_source_by_path.get(path) or memo_.page_id_by_path.get(path)
        found += memo_.by_page_id.get(page_id, [])
    return found


def page_may_be_private(page: Page) -> bool:
    return bool(page_view_restrictions(page))


def pages_public(queryset: QuerySet) -> QuerySet:
    """``queryset.public()`` (no page in or below a restricted one), without its query."""
    paths = restrictions().page_id_by_path
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def page_versions_memo(page: Page) -> list[Page]:
    """The live versions of ``page`` (itself included) with their locale, by language code."""
    return memo(
        f"versions:{page.translation_key}",
        lambda: list(
            page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .order_by("locale__language_code")
        ),
    )


def site_settings_prime(request: HttpRequest, setting_model) -> None:
    """Put the memo's ``setting_model`` for the request's site where ``for_request`` looks."""
    attr_name = setting_model.get_cache_attr_name()
    if hasattr(request, attr_name):
        return
    site = site_for_request(request)
    if site is None:
        return

    def build():
        # Read afresh rather than kept from for_site(): that instance holds the request's
        # Site and, through it, the page being served.
        setting_model.for_site(site)  # creates the row on a first view
        return setting_model.base_queryset().get(site_id=site.pk)

    instance = memo(f"settings:{setting_model._meta.label_lower}:{site.pk}", build)
    instance._request = request
    setattr(request, attr_name, instance)
