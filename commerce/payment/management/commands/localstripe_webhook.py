"""Register this site's webhook with a localstripe server (make run does it).

Real Stripe webhooks are configured in Stripe's dashboard; localstripe has a private
endpoint for it (/_config/webhooks/<id>), which this command calls.
"""

import urllib.parse
import urllib.request

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from commerce import conf


class Command(BaseCommand):
    help = "Register the webhook URL with the localstripe server at STRIPE_API_BASE."

    def add_arguments(self, parser):
        parser.add_argument("--site-url", default=conf.site_base_url())

    def handle(self, *args, site_url, **options):
        api_base, secret = conf.stripe_api_base(), conf.stripe_webhook_secret()
        if not api_base or not secret:
            raise CommandError("Set STRIPE_API_BASE (localstripe) and STRIPE_WEBHOOK_SECRET.")
        url = site_url.rstrip("/") + reverse("payment:stripe-webhook")
        data = urllib.parse.urlencode({"url": url, "secret": secret})
        request = urllib.request.Request(
            f"{api_base}/_config/webhooks/orne", data=data.encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            if response.status != 200:
                raise CommandError(f"localstripe answered {response.status}")
        self.stdout.write(f"localstripe will post its events to {url}")
