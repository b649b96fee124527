"""Wagtail's page serving, with one addition: an untranslated page in English is not a 404.

/en/<path>/ for a page that has no English version serves the French page (its content
marked lang="fr" and a notice saying it is not translated yet), so every link an English
visitor follows, and the language switcher, lands somewhere.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.utils import translation
from wagtail.views import serve as wagtail_serve

from orne_site.editorial.routing import page_route


def page_serve(request: HttpRequest, path: str) -> HttpResponse:
    default = settings.LANGUAGE_CODE.split("-")[0]
    # Routed through the sitewide memo (orne_site.editorial.routing); Wagtail's serve then
    # finds the route on the request (hooks, privacy, previews all as usual).
    route = page_route(request, path)
    if route is None and translation.get_language() != default:
        # Route again in French: the French page, served with a notice.
        with translation.override(default):
            if page_route(request, path) is not None:
                request.page_untranslated = True
    elif route is not None and route[0].locale.language_code != translation.get_language():
        # Wagtail routed to another language's page itself (the English home not live yet):
        # the same notice.
        request.page_untranslated = True
    return wagtail_serve(request, path)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: never a 404. Resolved per
    request, because the static files' manifest may not exist when the URLs are imported."""
    return HttpResponsePermanentRedirect(static("orne_site/favicon.svg"))
