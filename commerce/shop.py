"""Oscar's ``Shop`` app (label ``oscar``), without the dashboard.

Oscar mounts its dashboard under the shop. The marketplace's one back office is Wagtail
admin, scoped per merchant (merchants.scoping); Oscar's dashboard opened every shop's data
to any staff or partner user (django-oscar#2240) and nothing used it, so its apps are not
installed and nothing is mounted at ``dashboard/``: the shop's URLs are Oscar's otherwise.
"""

from django.apps import apps
from django.conf import settings
from django.urls import path, reverse_lazy
from django.views.generic.base import RedirectView
from oscar import config
from oscar.core.application import OscarConfig
from oscar.core.loading import get_class


class Shop(config.Shop):
    # Imports inside ready() and the URL methods, as in Oscar's Shop: this module is read
    # while apps load, before auth's forms and views (which import models) can be.

    def ready(self):
        import oscar.checks  # noqa: F401  (Oscar's system checks register on import)
        from django.contrib.auth.forms import SetPasswordForm

        self.catalogue_app = apps.get_app_config("catalogue")
        self.customer_app = apps.get_app_config("customer")
        self.basket_app = apps.get_app_config("basket")
        self.checkout_app = apps.get_app_config("checkout")
        self.search_app = apps.get_app_config("search")
        self.offer_app = apps.get_app_config("offer")
        self.wishlists_app = apps.get_app_config("wishlists")
        self.password_reset_form = get_class("customer.forms", "PasswordResetForm")
        self.set_password_form = SetPasswordForm

    def get_urls(self):
        return [
            path("", RedirectView.as_view(url=settings.OSCAR_HOMEPAGE), name="home"),
            path("catalogue/", self.catalogue_app.urls),
            path("basket/", self.basket_app.urls),
            path("checkout/", self.checkout_app.urls),
            path("accounts/", self.customer_app.urls),
            path("search/", self.search_app.urls),
            path("offers/", self.offer_app.urls),
            path("wishlists/", self.wishlists_app.urls),
            *self.password_reset_urls(),
        ]

    def password_reset_urls(self):
        """Oscar's, unchanged: Django's views, not namespaced so that they reverse."""
        from django.contrib.auth import views as auth_views
        from oscar.views.decorators import login_forbidden

        return [
            path(
                "password-reset/",
                login_forbidden(
                    auth_views.PasswordResetView.as_view(
                        form_class=self.password_reset_form,
                        success_url=reverse_lazy("password-reset-done"),
                        template_name="oscar/registration/password_reset_form.html",
                    )
                ),
                name="password-reset",
            ),
            path(
                "password-reset/done/",
                login_forbidden(
                    auth_views.PasswordResetDoneView.as_view(
                        template_name="oscar/registration/password_reset_done.html"
                    )
                ),
                name="password-reset-done",
            ),
            path(
                "password-reset/confirm/<str:uidb64>/<str:token>/",
                login_forbidden(
                    auth_views.PasswordResetConfirmView.as_view(
                        form_class=self.set_password_form,
                        success_url=reverse_lazy("password-reset-complete"),
                        template_name="oscar/registration/password_reset_confirm.html",
                    )
                ),
                name="password-reset-confirm",
            ),
            path(
                "password-reset/complete/",
                login_forbidden(
                    auth_views.PasswordResetCompleteView.as_view(
                        template_name="oscar/registration/password_reset_complete.html"
                    )
                ),
                name="password-reset-complete",
            ),
        ]


class DashboardLabel(OscarConfig):
    """Oscar's ``dashboard`` label with nothing behind it: no view, no URL, no model.

    Django imports every template tag library of every installed app, and the ``oscar``
    package (the Shop) ships ``dashboard_tags``, which loads ``dashboard.menu`` through
    that label (Oscar's ``get_class``, which wants an OscarConfig there). The label keeps
    that import working; Oscar's DashboardConfig and its sub-apps, which make the
    dashboard, are not installed, and nothing mounts this config's (empty) URLs.
    """

    name = "oscar.apps.dashboard"
    label = "dashboard"
    verbose_name = "Oscar dashboard (not installed)"
