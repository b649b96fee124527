from django.urls import re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from oscar.core.application import OscarConfig


class CheckoutConfig(OscarConfig):
    """Takes Oscar's ``checkout`` label, like the forks in commerce/ take theirs.

    Oscar's basket loads its calculators through that label (``get_class`` then falls back
    to Oscar's own modules), and its templates link to ``checkout:index``. Oscar's checkout
    would place one unpaid order for the whole basket, so every URL under its mount leads
    to ours (``orne_checkout:start``, included by the site at /commande/).
    """

    name = "checkout"
    label = "checkout"
    verbose_name = _("Commande")
    namespace = "checkout"

    def ready(self) -> None:
        from checkout import receivers

        receivers.connect()

    def get_urls(self):
        redirect = RedirectView.as_view(pattern_name="orne_checkout:start", permanent=False)
        return [re_path(r"^", redirect, name="index")]
