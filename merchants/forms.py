"""Public forms of the marketplace layer (sign-up)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from merchants.models import Commune, MerchantApplication
from merchants.models.application import APPLICANT_FIELDS
from merchants.services.signups import merchant_application_duplicate_errors
from merchants.validators import (
    normalize_siret,
    validate_no_control_characters,
    validate_single_line,
)


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Commune) -> str:
        codes = ", ".join(obj.postal_codes)
        return f"{obj.name} ({codes})" if codes else obj.name


class MerchantApplicationForm(forms.ModelForm):
    """Free sign-up. ``site_web`` is a honeypot: people never see it, robots fill it."""

    commune = CommuneChoiceField(
        queryset=Commune.objects.order_by("name"),
        label=_("Commune"),
        empty_label=_("Choisissez votre commune"),
        error_messages={"invalid_choice": _("Choisissez une commune de l'Orne dans la liste.")},
    )
    # Longer than 14 on purpose: people paste "123 456 789 00012"; clean_siret strips spaces.
    siret = forms.CharField(
        label=_("SIRET"),
        max_length=20,
        help_text=_("14 chiffres, sur votre extrait Kbis ou avis de situation INSEE."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Ce champ est obligatoire.")},
        validators=[validate_single_line],
    )
    site_web = forms.CharField(
        required=False,
        label=_("Ne pas remplir ce champ"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    accept_terms = forms.BooleanField(
        label=_("J'accepte les conditions d'utilisation de la place de marché"),
        error_messages={"required": _("Vous devez accepter les conditions d'utilisation.")},
    )

    class Meta:
        model = MerchantApplication
        fields = list(APPLICANT_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "sales_mode": forms.RadioSelect,
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        help_texts = {
            "description": _("Deux ou trois phrases : ce que vous vendez, ce qui vous distingue."),
        }
        error_messages = {
            field: {"required": _("Ce champ est obligatoire.")}
            for field in ["shop_name", "legal_name", "siret", "address", "phone", "email"]
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # NUL and other control characters: PostgreSQL refuses NUL, the rest is invisible.
        # One-line fields already refuse them with their own, clearer message.
        single_line = {
            field.name
            for field in MerchantApplication._meta.fields
            if validate_single_line in field.validators
        }
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and name not in single_line:
                field.validators.append(validate_no_control_characters)

    def clean_siret(self) -> str:
        return normalize_siret(self.cleaned_data["siret"])

    def clean(self):
        data = super().clean()
        duplicates = merchant_application_duplicate_errors(
            email=data.get("email", ""), siret=data.get("siret", "")
        )
        for field, message in duplicates.items():
            if field not in self.errors:
                self.add_error(field, message)
        return data

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("site_web"))

    def application_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}
