import oscar.apps.payment.apps as apps


class PaymentConfig(apps.PaymentConfig):
    """Oscar's payment app, forked for Stripe: one PaymentIntent per basket, verified webhooks,
    and each shop paid its part through Stripe Connect."""

    name = "commerce.payment"

    def ready(self):
        super().ready()
        from oscar.apps.order.signals import order_status_changed

        from commerce.payment.receivers import order_status_changed_receiver

        order_status_changed.connect(
            order_status_changed_receiver, dispatch_uid="payment.payout_on_status_change"
        )
