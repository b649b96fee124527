"""Shopper accounts: login only, no sign-up.

Shoppers check out as guests and follow their orders from a signed link, so nothing needs a
shopper account. Oscar's registration form is closed: it said whether an e-mail already had
an account ("A user with that email address already exists"), and every account it made was
one more login to guess. Its profile form is closed too: it changed the e-mail (the login of
merchant accounts) with no proof of the new address; e-mails change from the admin account
page, after the new address confirms.
"""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from oscar.core.loading import get_class

AccountAuthView = get_class("customer.views", "AccountAuthView")


class ShopperLoginView(AccountAuthView):
    """Oscar's login page without its registration half."""

    template_name = "oscar/customer/login.html"

    def get_context_data(self, *args, **kwargs):
        kwargs.setdefault("registration_form", None)
        return super().get_context_data(*args, **kwargs)

    def get_login_success_url(self, form):
        """Oscar sends staff to its dashboard, which is not installed: they work in Wagtail."""
        if not form.cleaned_data["redirect_url"] and self.request.user.is_staff:
            return reverse("wagtailadmin_home")
        return super().get_login_success_url(form)

    def post(self, request, *args, **kwargs):
        if "login_submit" in request.POST:
            return self.validate_login_form()
        return redirect(request.get_full_path())
