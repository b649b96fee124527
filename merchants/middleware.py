"""Admin screens Wagtail opens to any editor, closed to merchants.

1. The council's site-wide reports (site history, page types, locked and aging pages,
   workflows): Wagtail lets anyone with a page permission read them, and they show every
   page's counts and editors' e-mails. A merchant gets 403.
2. The page chooser's browse view names the page it browses, whatever the chooser hook
   leaves in the list: a merchant browsing a page it may not explore gets 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from wagtail.models import Page
from wagtail.permissions import policy_registry

from merchants.scoping import merchant_for_user, user_is_council_staff

COUNCIL_ONLY_NAMESPACES = {"wagtailadmin_reports"}
PAGE_CHOOSER_BROWSE = "wagtailadmin_choose_page_child"


class MerchantAdminScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not match.url_name:
            return None
        council_only = bool(COUNCIL_ONLY_NAMESPACES.intersection(match.namespaces))
        if not council_only and match.view_name != PAGE_CHOOSER_BROWSE:
            return None
        user = request.user
        if user_is_council_staff(user) or merchant_for_user(user) is None:
            return None
        if council_only:
            raise PermissionDenied
        explorable = policy_registry.get_by_type(Page).explorable_instances(user)
        if not explorable.filter(pk=view_kwargs.get("parent_page_id")).exists():
            raise Http404
        return None
