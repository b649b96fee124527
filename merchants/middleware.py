"""Refuses merchants the council's site-wide admin screens that Wagtail opens to any editor."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from merchants.scoping import merchant_for_user, user_is_council_staff

# Wagtail lets anyone with a page permission read its reports: site history, page types,
# locked and aging pages, workflows. They show every page's counts and editors' e-mails.
COUNCIL_ONLY_NAMESPACES = {"wagtailadmin_reports"}


class CouncilOnlyAdminScreensMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not COUNCIL_ONLY_NAMESPACES.intersection(match.namespaces):
            return None
        user = request.user
        if not user_is_council_staff(user) and merchant_for_user(user) is not None:
            raise PermissionDenied
        return None
