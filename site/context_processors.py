"""Values every page template needs (site name, language switcher)."""

from django.conf import settings
from django.http import HttpRequest


def site_context(request: HttpRequest) -> dict:
    return {"site_name": settings.SITE_NAME}
