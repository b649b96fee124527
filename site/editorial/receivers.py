"""What makes the sitewide memo out of date: each receiver only calls sitewide_invalidate."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import BaseViewRestriction, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from merchants.models import Merchant
from orne_site.editorial.sitewide import sitewide_invalidate

# Saved or deleted, any of these changes what the memo holds: routes and page trees, sites,
# locales, the menu and footer (settings), view restrictions; a shop's is_active decides
# whether its page routes.
MEMOISED = (Page, Site, Locale, BaseSiteSetting, BaseGenericSetting, BaseViewRestriction, Merchant)


def memo_out_of_date(sender, instance=None, raw=False, created=False, **kwargs) -> None:
    if raw:
        return
    if created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        # Created by for_site()/load() on a first page view, with the defaults that very
        # page shows: nothing memoised is out of date (a bump would rebuild it all once).
        return
    if instance is None or isinstance(instance, MEMOISED):
        sitewide_invalidate()


def connect() -> None:
    uid = "sitewide"
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (pre_page_move, "pre_move"),
        (post_page_move, "moved"),
    ):
        signal.connect(memo_out_of_date, dispatch_uid=f"{uid}.{name}")
    # Without a sender: every page type, every setting model; the isinstance test is cheap.
    post_save.connect(memo_out_of_date, dispatch_uid=f"{uid}.saved")
    post_delete.connect(memo_out_of_date, dispatch_uid=f"{uid}.deleted")
