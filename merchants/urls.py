from django.urls import path

from merchants import views

app_name = "merchants"

urlpatterns = [
    path("inscription/", views.merchant_signup, name="signup"),
    path("inscription/merci/", views.merchant_signup_done, name="signup_done"),
]
