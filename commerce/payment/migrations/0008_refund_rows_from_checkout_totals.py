# Checkout.refunded_amount mixed cancelled orders and missing stock in one figure; each part
# becomes its own Refund row (the Stripe refund ids were not kept, they stay blank).

from decimal import Decimal

from django.db import migrations

CANCELLED = "Annulée"


def refunded_totals_to_rows(apps, schema_editor):
    Checkout = apps.get_model("order", "Checkout")
    Refund = apps.get_model("payment", "Refund")
    for checkout in Checkout.objects.filter(refunded_amount__gt=0):
        left = checkout.refunded_amount
        for order in checkout.orders.filter(status=CANCELLED).order_by("number"):
            amount = min(order.total_incl_tax, left)
            if amount <= 0:
                break
            Refund.objects.create(
                checkout=checkout, order=order, kind="order_cancelled", amount=amount
            )
            left -= amount
        missing = min(checkout.refund_due, left)
        if missing > 0:
            Refund.objects.create(checkout=checkout, kind="missing_stock", amount=missing)
            left -= missing
        if left > Decimal("0.00"):
            Refund.objects.create(checkout=checkout, kind="stripe_dashboard", amount=left)


class Migration(migrations.Migration):

    dependencies = [
        ('order', '0023_checkout_refund_due'),
        ('payment', '0007_dispute_refund'),
    ]

    operations = [
        migrations.RunPython(refunded_totals_to_rows, migrations.RunPython.noop),
    ]
