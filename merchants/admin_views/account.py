"""The admin account page's e-mail panel and the page its confirmation link opens."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from merchants.services.accounts import (
    EmailChangeError,
    user_email_change_confirm,
    user_email_change_request,
)


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(label=_("Nouvelle adresse e-mail"), required=False)

    def __init__(self, data=None, files=None, *, instance, request=None, **kwargs):
        super().__init__(data, files, **kwargs)
        self.user, self.request = instance, request
        self.fields["new_email"].help_text = _(
            "Adresse actuelle : %(email)s. Elle ne change qu'une fois ouvert le lien envoyé à "
            "la nouvelle adresse."
        ) % {"email": instance.email or gettext("aucune")}

    def save(self):
        new_email = self.cleaned_data.get("new_email")
        if not new_email or new_email.lower() == (self.user.email or "").lower():
            return
        user_email_change_request(user=self.user, new_email=new_email)
        if self.request is not None:
            messages.info(
                self.request,
                gettext(
                    "Un lien de confirmation part vers %(email)s (sauf si cette adresse ne peut "
                    "pas servir). Votre adresse ne change qu'une fois ce lien ouvert."
                )
                % {"email": new_email},
            )


class EmailChangeSettingsPanel(BaseSettingsPanel):
    """Replaces Wagtail's e-mail field (WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False)."""

    name = "email_change"
    title = _("Adresse e-mail")
    order = 150
    form_class = EmailChangeForm

    def get_form(self):
        kwargs = {"instance": self.user, "prefix": self.name, "request": self.request}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, self.request.FILES, **kwargs)
        return self.form_class(**kwargs)


class EmailChangeConfirmView(WagtailAdminTemplateMixin, TemplateView):
    """GET shows what will change; POST applies it (a link preview must not change accounts)."""

    template_name = "merchants/admin/email_change_confirm.html"
    page_title = _("Confirmer la nouvelle adresse e-mail")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": gettext("Compte")},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request, token):
        try:
            new_email = user_email_change_confirm(user=request.user, token=token)
        except EmailChangeError as error:
            return self.render_to_response(self.get_context_data(error=str(error)), status=400)
        messages.success(
            request,
            gettext("Votre adresse e-mail est désormais %(email)s.") % {"email": new_email},
        )
        return redirect("wagtailadmin_account")
