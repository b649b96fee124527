"""Security headers on every response: Content-Security-Policy and Permissions-Policy."""

from csp.constants import NONCE, NONE, SELF

from .env import env_list, stripe_js_origin
from .stripe import STRIPE_JS_URL

# Content-Security-Policy (django-csp), on every page, public and back office. No inline
# script: the few that must stay inline carry the request's nonce ({% script %} or
# nonce="{{ request.csp_nonce }}"). orne_site.middleware.ContentSecurityPolicyMiddleware adds
# the Stripe.js origin and, in Wagtail's and Django's admin only, what they still need.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:", *env_list("CSP_IMG_HOSTS")],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # Shop pages embed videos (Wagtail's EmbedBlock) from these hosts.
        "frame-src": [
            SELF,
            *env_list(
                "CSP_FRAME_HOSTS",
                [
                    "https://www.youtube.com",
                    "https://www.youtube-nocookie.com",
                    "https://player.vimeo.com",
                    "https://www.dailymotion.com",
                    "https://geo.dailymotion.com",
                ],
            ),
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        # Wagtail's live preview shows the site in a same-origin iframe.
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    },
}
# Paths whose pages are Wagtail's or Django's admin (see the middleware for what they get).
CSP_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Wagtail's admin would fetch avatars from gravatar.com: an outside host, blocked by the policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# ...and would ask releases.wagtail.org for a new version: also an outside host.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Permissions-Policy (django-permissions-policy): no page may use the camera, microphone or
# position; the Payment Request API only for the site and Stripe.js's frames.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": ["self", stripe_js_origin(STRIPE_JS_URL)],
    "usb": [],
}
