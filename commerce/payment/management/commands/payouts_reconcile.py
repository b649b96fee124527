"""The daily payout pass: retry what Stripe refused, send what a newly enabled shop was held,
then compare the last days' transfers with Stripe's (by transfer group).

Run it once a day (the production scheduler); it prints what it settled and each difference.
"""

from datetime import timedelta

import stripe
from django.core.management.base import BaseCommand
from django.utils import timezone

from commerce.payment.payout_report import payouts_differences_with_stripe
from commerce.payment.payouts import payouts_retry


class Command(BaseCommand):
    help = "Relance les virements aux boutiques refusés ou retenus (à lancer chaque jour)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--jours", type=int, default=7, help="Comparer les virements de ces derniers jours."
        )

    def handle(self, *args, **options):
        settled = payouts_retry()
        self.stdout.write(f"{settled} versement(s) repris.")
        since = timezone.now() - timedelta(days=options["jours"])
        try:
            differences = payouts_differences_with_stripe(since=since)
        except stripe.StripeError as error:
            self.stderr.write(f"Comparaison avec Stripe impossible : {error}")
            return
        for diff in differences:
            self.stdout.write(
                f"{diff.checkout_number} {diff.transfer_id} : {diff.message} "
                f"(registre {diff.ledger if diff.ledger is not None else '—'}, "
                f"Stripe {diff.stripe if diff.stripe is not None else '—'})"
            )
        self.stdout.write(f"{len(differences)} écart(s) avec Stripe.")
