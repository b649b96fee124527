"""Register this site's webhook with a localstripe server (make run does it).

Real Stripe webhooks are configured in Stripe's dashboard; localstripe has a private
endpoint for it (/_config/webhooks/<id>), which this command calls.
"""

import urllib.parse
import urllib.request

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse


class Command(BaseCommand):
    help = "Register the webhook URL with the localstripe server at STRIPE_API_BASE."

    def add_arguments(self, parser):
        parser.add_argument("--site-url", default=settings.WAGTAILADMIN_BASE_URL)

    def handle(self, *args, site_url, **options):
        if not settings.STRIPE_API_BASE or not settings.STRIPE_WEBHOOK_SECRET:
            raise CommandError("Set STRIPE_API_BASE (localstripe) and STRIPE_WEBHOOK_SECRET.")
        url = site_url.rstrip("/") + reverse("payment:stripe-webhook")
        data = urllib.parse.urlencode({"url": url, "secret": settings.STRIPE_WEBHOOK_SECRET})
        request = urllib.request.Request(
            f"{settings.STRIPE_API_BASE}/_config/webhooks/orne", data=data.encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            if response.status != 200:
                raise CommandError(f"localstripe answered {response.status}")
        self.stdout.write(f"localstripe will post its events to {url}")
