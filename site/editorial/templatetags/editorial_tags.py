"""Template helpers for editorial pages: safe rich text, structured data."""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.whitelist import Whitelister

from orne_site.editorial.models import SiteSettings
from orne_site.editorial.models.settings import SOCIAL_NETWORKS
from orne_site.editorial.selectors import pages_localized
from orne_site.editorial.seo import (
    local_business_data,
    organization_data,
    page_versions,
    product_data,
)
from orne_site.editorial.seo import page_seo as build_page_seo
from orne_site.editorial.sitewide import memo

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def richtext_clean(value) -> str:
    """Like Wagtail's ``|richtext``, then filtered through Wagtail's whitelist again.

    The admin's editor already drops scripts and ``javascript:`` links when content is
    saved; HTML that reaches the database another way (imports, a shell) is cleaned here.
    """
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return mark_safe(Whitelister().clean(expand_db_html(source)))  # noqa: S308


@register.filter
def social_network_label(network: str) -> str:

    return dict(SOCIAL_NETWORKS).get(network, network)


@register.simple_tag(takes_context=True)
def page_seo(context, page):
    return build_page_seo(page=page, request=context.get("request"))


def _json_ld(data: dict) -> str:
    # Escape what could close the <script> element early (as Django's json_script does).
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def organization_json_ld(context):

    request = context.get("request")
    page = context.get("page")
    site_settings = None
    if request is not None:
        site_settings = SiteSettings.for_request(request)
    return _json_ld(
        organization_data(
            site_name=context.get("site_name", ""),
            home=page,
            site_settings=site_settings,
            request=request,
        )
    )


@register.simple_tag(takes_context=True)
def local_business_json_ld(context):

    return _json_ld(
        local_business_data(
            page=context["page"],
            merchant=context["merchant"],
            opening_periods=context.get("opening_periods", []),
            request=context.get("request"),
        )
    )


@register.simple_tag(takes_context=True)
def product_json_ld(context, product):

    return _json_ld(product_data(product=product, request=context.get("request")))


@register.simple_tag(takes_context=True)
def language_links(context, page):
    """One link per site language: to this page's translation when it is live, else to that
    language's home page (an English visitor on an untranslated page still gets a way out)."""

    request = context.get("request")
    versions = {
        version.locale.language_code: version
        for version in page_versions(page=page, request=request)
    }
    links = []
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    page_url = page.get_url(request) or ""
    for code, _name in settings.LANGUAGES:
        target = versions.get(code)
        # No translation: the same page under the other language's prefix, which serves
        # the original with a notice (orne_site.editorial.views), so the visitor stays put.
        if target:
            url = target.get_url(request)
        else:
            # page_url is in the page's own language: resolve it there.
            with override(page.locale.language_code):
                url = translate_url(page_url, code)
        if not url:
            home = _site_homes(page, request).get(code)
            url = home.get_url(request) if home else ""
        if not url:
            continue
        links.append(
            {
                "code": code,
                "label": LANGUAGE_LABELS.get(code, code),
                "url": url,
                "current": active == code,
                "is_translation": code in versions,
            }
        )
    return links


def _site_homes(page, request) -> dict:
    """The live home pages of the page's site by language code; only read when a
    language has no URL for the page itself (rare), hence not up front."""
    site = page.get_site()
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def _footer_links_build(site_settings, request) -> list[dict]:
    links = list(site_settings.footer_links)
    chosen = [link.value["page"] for link in links if link.block_type == "page"]
    chosen = [page for page in chosen if page is not None]
    localized = pages_localized(chosen, Page.objects.live()) if chosen else {}
    items = []
    for link in links:
        if link.block_type == "page":
            page = link.value["page"]
            target = localized.get(page.pk) if page is not None else None
            if target is not None:
                items.append({"url": target.get_url(request), "label": target.title})
        else:
            items.append({"url": link.value["url"], "label": link.value["label"]})
    return items


@register.simple_tag(takes_context=True)
def footer_links(context, site_settings) -> list[dict]:
    """The footer's links, a chosen page in the visitor's language when translated: from
    the sitewide memo, by site and language (two queries when it is rebuilt)."""
    if site_settings is None:
        return []
    request = context.get("request")
    language = get_language() or settings.LANGUAGE_CODE
    return memo(
        f"footer:{site_settings.site_id}:{language}",
        lambda: _footer_links_build(site_settings, request),
    )


# Each language is named in itself, so a visitor recognises it whatever the page's language.
LANGUAGE_LABELS = {"fr": "Français", "en": "English"}
