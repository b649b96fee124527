"""A service's refusal shown in the form that asked for it, in one place for the back office."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError


class ServiceErrorsMixin:
    """Errors a service raises (a SKU already used, an e-mail already taken…) go back into
    the form as a form-wide error, and on the message bar, instead of a server error.

    The view's write is ``form_save(form)``, which returns the response; by default it is
    the parent view's ``form_valid`` (Wagtail's generic views save there).
    """

    service_errors: tuple[type[Exception], ...] = (ValidationError,)

    def form_save(self, form):
        return super().form_valid(form)

    def form_valid(self, form):
        try:
            return self.form_save(form)
        except self.service_errors as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
            if hasattr(self, "get_error_message"):
                # Wagtail's generic model views put this on the message bar themselves.
                self.produced_error_message = self.get_error_message()
            else:
                # Wagtail's form templates show no form-wide errors: the message bar does.
                messages.error(self.request, " ".join(form.non_field_errors()))
            return self.form_invalid(form)
