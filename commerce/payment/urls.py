from django.urls import path

from commerce.payment.views import stripe_webhook

app_name = "payment"
urlpatterns = [path("stripe/webhook/", stripe_webhook, name="stripe-webhook")]
