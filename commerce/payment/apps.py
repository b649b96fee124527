import oscar.apps.payment.apps as apps


class PaymentConfig(apps.PaymentConfig):
    """Oscar's payment app, forked for Stripe: one PaymentIntent per basket, verified webhooks."""

    name = "commerce.payment"
