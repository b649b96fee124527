"""Site-wide request policies."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

from orne_site.settings.env import stripe_js_origin


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with what the settings alone cannot say.

    - The Stripe.js origin comes from ``settings.STRIPE_JS_URL`` at each request (the tests
      point it at their own localstripe) and is allowed to run, frame and be called.
    - Wagtail's and Django's admin (``CSP_ADMIN_PATH_PREFIXES``) keep inline scripts and
      styles: Wagtail's form widgets and panels print ``<script>`` tags from templates that
      have no request, hence no nonce (wagtail#1288). No merchant text is printed unescaped
      there; object-src, base-uri, form-action and connect-src stay as strict as elsewhere.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        stripe = stripe_js_origin(settings.STRIPE_JS_URL)
        update = {
            "script-src": [stripe],
            "frame-src": [stripe, *settings.STRIPE_CSP_HOSTS],
            "connect-src": [stripe, *settings.STRIPE_CSP_HOSTS],
        }
        if request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)):
            # A nonce would make browsers ignore 'unsafe-inline'.
            parts.nonce = None
            update["script-src"].append(UNSAFE_INLINE)
            update["style-src"] = [UNSAFE_INLINE]
        for directive, sources in (parts.update or {}).items():
            update[directive] = [*update.get(directive, []), *sources]
        parts.update = update
        return parts
