"""Sign-up applications in the back office: council staff approve or reject them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from merchants.models import MerchantApplication
from merchants.models.application import APPLICANT_FIELDS
from merchants.scoping import user_is_council_staff
from merchants.services.onboarding import (
    OnboardingError,
    merchant_application_approve,
    merchant_application_reject,
)


class DecisionForm(forms.Form):
    APPROVE, REJECT = "approve", "reject"
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[(APPROVE, _("Accepter la boutique")), (REJECT, _("Refuser la demande"))],
        widget=forms.RadioSelect,
    )
    publish_page = forms.BooleanField(
        label=_("Publier la page boutique tout de suite (sinon : brouillon)"),
        required=False,
        initial=True,
    )
    reason = forms.CharField(
        label=_("Motif du refus (envoyé au demandeur)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.REJECT and not data.get("reason", "").strip():
            self.add_error("reason", _("Indiquez le motif du refus : il est envoyé au demandeur."))
        return data


def application_details(application: MerchantApplication) -> list[tuple[str, object]]:
    """(label, value) of what the applicant sent, choices shown by their French label."""
    rows = []
    for name in APPLICANT_FIELDS:
        label = capfirst(MerchantApplication._meta.get_field(name).verbose_name)
        display = getattr(application, f"get_{name}_display", None)
        rows.append((label, display() if display else getattr(application, name)))
    return rows


class ApplicationDecisionView(WagtailAdminTemplateMixin, FormView):
    """The one place where an application is decided: its details, then accept or refuse.

    The edit view cannot change the status (it is not among its fields): accepting creates
    the shop and its account and e-mails the applicant, refusing e-mails the reason.
    """

    form_class = DecisionForm
    template_name = "merchants/admin/application_decide.html"
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not user_is_council_staff(request.user):
            raise PermissionDenied
        self.application = get_object_or_404(MerchantApplication, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Demande : %(name)s") % {"name": self.application.shop_name}

    def get_context_data(self, **kwargs):
        application = self.application
        return super().get_context_data(
            application=application,
            details=application_details(application),
            decided=application.status != MerchantApplication.Status.PENDING,
            action_url=self.request.path,
            submit_button_label=_("Enregistrer la décision"),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if self.application.status != MerchantApplication.Status.PENDING:
            messages.error(request, _("Cette demande a déjà été traitée."))
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            if data["decision"] == DecisionForm.APPROVE:
                merchant = merchant_application_approve(
                    application_id=self.application.pk,
                    decided_by=self.request.user,
                    publish_page=data["publish_page"],
                )
                messages.success(self.request, _("Boutique « %s » créée.") % merchant.name)
            else:
                merchant_application_reject(
                    application_id=self.application.pk,
                    decided_by=self.request.user,
                    reason=data["reason"],
                )
                messages.success(self.request, _("Demande refusée ; le demandeur est prévenu."))
        except OnboardingError as error:
            # Wagtail's form template shows no form-wide errors: the message bar does.
            messages.error(self.request, str(error))
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return redirect(reverse("merchant_applications:index"))


class ApplicationInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status == MerchantApplication.Status.PENDING:
            buttons.append(
                HeaderButton(
                    _("Accepter ou refuser"),
                    url=reverse("merchant_applications:decide", args=[self.object.pk]),
                    icon_name="tick",
                )
            )
        return buttons


class ApplicationIndexView(IndexView):
    def get_edit_url(self, instance):
        # The decision page shows everything the applicant sent: the list leads there.
        return reverse("merchant_applications:decide", args=[instance.pk])


def pending_applications_count() -> int:
    return MerchantApplication.objects.filter(status=MerchantApplication.Status.PENDING).count()


class MerchantApplicationViewSet(ModelViewSet):
    model = MerchantApplication
    icon = "form"
    menu_label = _("Inscriptions")
    menu_order = 210
    add_to_admin_menu = True
    name = "merchant_applications"
    url_prefix = "inscriptions"
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    index_view_class = ApplicationIndexView
    copy_view_enabled = False
    list_display = ["shop_name", "commune", "category", "submitted_at", "status"]
    list_filter = ["status", "category"]
    search_fields = ["shop_name", "legal_name", "siret", "email"]
    # Not the status: a decision has effects (a shop, an account, e-mails) that only the
    # decision page has. Staff may correct what the applicant typed before deciding.
    form_fields = [name for name in APPLICANT_FIELDS if name != "email"]
    inspect_view_fields = [
        *APPLICANT_FIELDS,
        "status",
        "rejection_reason",
        "submitted_at",
        "decided_at",
        "merchant",
    ]

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        def render_component(item, request):
            component = base.render_component(item, request)
            if count := pending_applications_count():
                component.label = _("%(label)s (%(count)d)") % {
                    "label": item.label,
                    "count": count,
                }
            return component

        return type("ApplicationsMenuItem", (base,), {"render_component": render_component})

    def get_queryset(self, request):
        return MerchantApplication.objects.select_related("commune")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("decide/<int:pk>/", ApplicationDecisionView.as_view(), name="decide")
        ]
