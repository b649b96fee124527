"""The header's menu and basket count, on every page (ours and Oscar's)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from merchants.models import MerchantIndexPage
from orne_site.editorial.models import CampaignIndexPage, NewsIndexPage
from orne_site.editorial.page_memos import pages_public, site_for_request
from orne_site.editorial.sitewide import memo

register = template.Library()

# Menu order; the labels are short so the menu fits one line on a desktop.
MENU = (
    (MerchantIndexPage, "shops"),
    (CampaignIndexPage, "campaigns"),
    (NewsIndexPage, "news"),
)


def _menu_build(request) -> list[dict]:
    labels = {
        "shops": _("Commerçants"),
        "campaigns": _("Temps forts"),
        "news": _("Actualités"),
    }
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    pages = pages_public(
        Page.objects.live()
        .type(*(model for model, _key in MENU))
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE.split("-")[0]})
        .select_related("locale", "content_type")
        .order_by("path")
    )
    chosen: dict[str, Page] = {}
    for page in pages:
        key = next(k for model, k in MENU if page.content_type.model_class() is model)
        # The visitor's language wins over the French fallback; the shallowest page wins.
        current = chosen.get(key)
        if current is None or (
            current.locale.language_code != language and page.locale.language_code == language
        ):
            chosen[key] = page
    items = [
        {"label": labels[key], "url": chosen[key].get_url(request), "key": key}
        for _model, key in MENU
        if key in chosen
    ]
    items.append(
        {"label": _("Vendre sur le marché"), "url": reverse("merchants:signup"), "key": "sell"}
    )
    return items


@register.simple_tag(takes_context=True)
def site_menu(context) -> list[dict]:
    """The shops, campaigns and news index pages in the visitor's language (the French
    page when none is translated), then the merchant sign-up: from the sitewide memo, by
    site and language (one query when it is rebuilt)."""
    request = context.get("request")
    site = site_for_request(request) if request is not None else None
    language = get_language() or settings.LANGUAGE_CODE
    items = [
        dict(item)
        for item in memo(f"menu:{site.pk if site else 0}:{language}", lambda: _menu_build(request))
    ]
    path = request.path if request else ""
    for item in items:
        item["current"] = bool(item["url"]) and path.startswith(item["url"])
    return items


@register.simple_tag(takes_context=True)
def basket_count(context) -> int:
    """Articles in the visitor's basket (Oscar's lazily loaded basket; 0 without one)."""
    request = context.get("request")
    basket = getattr(request, "basket", None)
    if basket is None or not getattr(basket, "id", None):
        return 0
    return basket.num_items
