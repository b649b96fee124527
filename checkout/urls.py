from django.urls import path

from checkout import views

app_name = "orne_checkout"
urlpatterns = [
    path("", views.checkout_start, name="start"),
    path("paiement/", views.checkout_payment, name="payment"),
    path("paiement/carte/", views.checkout_pay, name="pay"),
    path("paiement/retour/", views.checkout_return, name="return"),
    path("confirmation/<str:number>/", views.checkout_confirmation, name="confirmation"),
    path("suivi/<str:token>/", views.checkout_follow, name="follow"),
    path(
        "suivi/<str:token>/document/<str:number>/",
        views.checkout_follow_document,
        name="follow_document",
    ),
]
