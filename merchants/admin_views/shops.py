"""Shops in the back office: staff see and create every shop; a merchant edits its own."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from merchants.admin_views.scoped import MerchantScopedViewSetMixin
from merchants.admin_views.service_errors import ServiceErrorsMixin
from merchants.admin_views.suspension import ShopEditView, ShopSuspendView
from merchants.models import Commune, Merchant, MerchantCategory, SalesMode
from merchants.scoping import STAFF_PERMISSION, merchant_for_user, user_is_council_staff
from merchants.services.onboarding import OnboardingError, ShopDetails, merchant_onboard
from merchants.validators import validate_single_line


class MerchantSettingsForm(WagtailAdminModelForm):
    """Amounts are typed the French way (4,90), as everywhere else a merchant types prices."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("delivery_fee", "free_delivery_threshold"):
            if name in self.fields:
                self.fields[name].localize = True
                self.fields[name].widget.is_localized = True


MERCHANT_PANELS = ObjectList(
    [
        MultiFieldPanel(
            [
                FieldPanel("name", permission=STAFF_PERMISSION),
                FieldPanel("category"),
                FieldPanel("description"),
            ],
            heading=_("Boutique"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_name", permission=STAFF_PERMISSION),
                FieldPanel("siret", permission=STAFF_PERMISSION),
                FieldRowPanel([FieldPanel("vat_exempt"), FieldPanel("vat_number")]),
                FieldPanel("address"),
                FieldPanel("commune", permission=STAFF_PERMISSION),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Coordonnées"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offers_delivery"),
                FieldPanel("delivery_communes"),
                FieldPanel("delivery_intercommunalities"),
                FieldRowPanel(
                    [
                        FieldPanel("delivery_fee"),
                        FieldPanel("free_delivery_threshold"),
                        FieldPanel("delivery_lead_days"),
                    ]
                ),
            ],
            heading=_("Livraison à domicile"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offers_click_collect"),
                FieldPanel("pickup_address"),
                FieldPanel("preparation_minutes"),
            ],
            heading=_("Retrait en boutique (click & collect)"),
        ),
        MultiFieldPanel([FieldPanel("low_stock_threshold")], heading=_("Stock")),
        InlinePanel(
            "opening_periods",
            heading=_("Horaires d'ouverture"),
            label=_("Plage horaire"),
            help_text=_("Une ligne par plage : par exemple mardi 9h–12h30, puis mardi 14h–19h."),
        ),
    ],
    base_form_class=MerchantSettingsForm,
)


class MerchantCreateForm(forms.Form):
    """Staff-assisted onboarding (a shop signed up over the phone)."""

    name = forms.CharField(
        label=_("Nom de la boutique"), max_length=200, validators=[validate_single_line]
    )
    commune = forms.ModelChoiceField(queryset=Commune.objects.order_by("name"), label=_("Commune"))
    email = forms.EmailField(label=_("E-mail du commerçant"))
    category = forms.ChoiceField(label=_("Catégorie"), choices=MerchantCategory.choices)
    sales_mode = forms.ChoiceField(
        label=_("Mode de vente"), choices=SalesMode.choices, initial=SalesMode.BOTH
    )
    address = forms.CharField(
        label=_("Adresse"), max_length=255, required=False, validators=[validate_single_line]
    )
    phone = forms.CharField(
        label=_("Téléphone"), max_length=30, required=False, validators=[validate_single_line]
    )
    publish_page = forms.BooleanField(
        label=_("Publier la page boutique tout de suite"), required=False, initial=True
    )


class MerchantCreateView(ServiceErrorsMixin, WagtailAdminTemplateMixin, FormView):
    form_class = MerchantCreateForm
    service_errors = (OnboardingError,)
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Créer une boutique")
    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not user_is_council_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=self.request.path,
            submit_button_label=_("Créer la boutique et envoyer l'e-mail"),
            **kwargs,
        )

    def form_save(self, form):
        data = form.cleaned_data
        merchant = merchant_onboard(
            details=ShopDetails(
                name=data["name"],
                commune=data["commune"],
                email=data["email"],
                category=data["category"],
                sales_mode=data["sales_mode"],
                address=data["address"],
                phone=data["phone"],
            ),
            publish_page=data["publish_page"],
        )
        messages.success(
            self.request,
            _("Boutique « %(name)s » créée : un e-mail part vers %(email)s.")
            % {"name": merchant.name, "email": data["email"]},
        )
        return redirect(reverse("merchants_shops:edit", args=[merchant.pk]))


class MerchantViewSet(MerchantScopedViewSetMixin, ModelViewSet):
    model = Merchant
    merchant_path = ""
    icon = "site"
    menu_label = _("Boutiques")
    menu_order = 200
    add_to_admin_menu = True
    name = "merchants_shops"
    url_prefix = "boutiques"
    add_view_class = MerchantCreateView
    edit_view_class = ShopEditView
    copy_view_enabled = False
    list_display = ["name", "commune", "category", "is_active"]
    list_filter = ["is_active", "category"]
    search_fields = ["name", "legal_name", "commune__name"]
    edit_handler = MERCHANT_PANELS

    def get_add_view_kwargs(self, **kwargs):
        # The create view is a plain form view, not Wagtail's model CreateView.
        return {}

    def get_queryset(self, request):
        return Merchant.objects.select_related("commune")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("suspend/<int:pk>/", ShopSuspendView.as_view(), name="suspend")
        ]


def own_shop_settings_url(user) -> str | None:
    """Where "Ma boutique" leads a merchant: the edit form of its own shop."""
    merchant = merchant_for_user(user)
    return reverse("merchants_shops:edit", args=[merchant.pk]) if merchant else None
