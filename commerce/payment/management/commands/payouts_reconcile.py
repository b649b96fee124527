"""The daily payout pass: retry what Stripe refused, send what a newly enabled shop was held.

Run it once a day (the production scheduler); it prints what it settled.
"""

from django.core.management.base import BaseCommand

from commerce.payment.payouts import payouts_retry


class Command(BaseCommand):
    help = "Relance les virements aux boutiques refusés ou retenus (à lancer chaque jour)."

    def handle(self, *args, **options):
        settled = payouts_retry()
        self.stdout.write(f"{settled} versement(s) repris.")
