"""Personal data pages, and the Oscar pages that collected personal data, answering 404.

Mounted at the root inside i18n_patterns, before Oscar's URLs so that the shadows win.
The privacy policy itself is the editorial page /donnees-personnelles/ (Wagtail); these
pages live beneath it.
"""

from django.http import Http404
from django.urls import path, re_path

from orne_site.privacy import views

app_name = "privacy"


def gone(request, *args, **kwargs):
    raise Http404


urlpatterns = [
    path("donnees-personnelles/demande/", views.privacy_request, name="request"),
    path("donnees-personnelles/demande/envoyee/", views.privacy_request_sent, name="request_sent"),
    path("donnees-personnelles/acces/<str:token>/", views.privacy_manage, name="manage"),
    path("donnees-personnelles/acces/<str:token>/export/", views.privacy_export, name="export"),
    path("donnees-personnelles/acces/<str:token>/effacer/", views.privacy_erase, name="erase"),
    # Stock alerts e-mail any address with no limit, and wishlists need an account nobody
    # has; reviews are a hidden feature too (OSCAR_HIDDEN_FEATURES), shadowed here as well.
    re_path(r"^boutique/accounts/alerts/", gone),
    re_path(r"^boutique/accounts/wishlists/", gone),
    re_path(r"^boutique/wishlists/", gone),
    re_path(r"^boutique/catalogue/[\w-]*_\d+/reviews/", gone),
]
