"""The checkout form: one fulfilment choice per shop, the e-mail, the address if delivered."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from checkout.plans import FulfilmentChoice
from commerce.order.fulfilment import FulfilmentMode
from merchants.models import Commune
from merchants.validators import validate_french_phone


class CommuneForm(forms.Form):
    commune = forms.ModelChoiceField(
        label=_("Votre commune"),
        queryset=Commune.objects.order_by("name"),
        to_field_name="insee_code",
        empty_label=_("Choisissez votre commune"),
        required=False,
    )


class CheckoutForm(forms.Form):
    """Built from the shop groups and their options (see checkout.views)."""

    email = forms.EmailField(label=_("Adresse e-mail"))
    first_name = forms.CharField(label=_("Prénom"), max_length=255, required=False)
    last_name = forms.CharField(label=_("Nom"), max_length=255, required=False)
    line1 = forms.CharField(label=_("Adresse"), max_length=255, required=False)
    line2 = forms.CharField(label=_("Complément d'adresse"), max_length=255, required=False)
    postcode = forms.CharField(label=_("Code postal"), max_length=10, required=False)
    city = forms.CharField(label=_("Ville"), max_length=255, required=False)
    # Required: the shop calls when a slot or an article changes (French numbers only: the
    # shops are in the Orne and call from a landline).
    phone = forms.CharField(
        label=_("Téléphone"),
        max_length=30,
        validators=[validate_french_phone],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("La boutique vous appelle si un article ou un créneau change."),
        error_messages={"required": _("Indiquez un numéro de téléphone pour la boutique.")},
    )

    ADDRESS_FIELDS = ("first_name", "last_name", "line1", "postcode", "city")

    def __init__(self, *args, groups, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        for group in groups:
            merchant, option = group.merchant, options[group.merchant.pk]
            modes = []
            if option.delivery is not None:
                modes.append((FulfilmentMode.DELIVERY, FulfilmentMode.DELIVERY.label))
            if option.pickup_slots:
                modes.append((FulfilmentMode.CLICK_COLLECT, FulfilmentMode.CLICK_COLLECT.label))
            self.fields[f"mode_{merchant.pk}"] = forms.ChoiceField(
                label=merchant.name,
                choices=modes,
                widget=forms.RadioSelect,
                initial=modes[0][0] if len(modes) == 1 else None,
            )
            self.fields[f"slot_{merchant.pk}"] = forms.ChoiceField(
                label=_("Créneau de retrait"),
                choices=[("", "—")]
                + [
                    (slot.key, date_format(slot.starts_at, "l j F, H\\hi"))
                    for slot in option.pickup_slots
                ],
                required=False,
            )

    def clean(self):
        cleaned = super().clean()
        delivered = any(
            cleaned.get(f"mode_{group.merchant.pk}") == FulfilmentMode.DELIVERY
            for group in self.groups
        )
        if delivered:
            for name in self.ADDRESS_FIELDS:
                if not cleaned.get(name):
                    self.add_error(name, _("Nécessaire pour la livraison."))
        return cleaned

    def choices(self) -> dict[int, FulfilmentChoice]:
        return {
            group.merchant.pk: FulfilmentChoice(
                mode=self.cleaned_data.get(f"mode_{group.merchant.pk}", ""),
                slot_key=self.cleaned_data.get(f"slot_{group.merchant.pk}", ""),
            )
            for group in self.groups
        }

    def customer_name(self) -> str:
        """The name the shop hands the order to (asked for a pickup too)."""
        return " ".join(
            self.cleaned_data.get(key, "").strip() for key in ("first_name", "last_name")
        ).strip()

    def shipping_address(self) -> dict:
        keys = ("first_name", "last_name", "line1", "line2", "postcode", "city", "phone")
        return {key: self.cleaned_data.get(key, "") for key in keys}
