"""The checkout form: one fulfilment choice per shop, the e-mail, the address if delivered."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from checkout.plans import FulfilmentChoice
from commerce.order.fulfilment import FulfilmentMode
from merchants.communes import alphabetical_key
from merchants.models import Commune
from merchants.templatetags.back_office import slot_text
from merchants.validators import validate_french_phone, validate_siren, validate_vat_number


class _AlphabeticalIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for commune in sorted(self.queryset, key=lambda c: alphabetical_key(c.name)):
            yield self.choice(commune)


class CommuneChoiceField(forms.ModelChoiceField):
    """The Orne's communes in French alphabetical order, each with its postcodes."""

    iterator = _AlphabeticalIterator

    def label_from_instance(self, obj: Commune) -> str:
        codes = ", ".join(obj.postal_codes or [])
        return f"{obj.name} ({codes})" if codes else obj.name


def commune_accepts_postcode(*, commune: Commune, postcode: str) -> bool:
    """True when the postcode is one of the commune's (or the data has none for it)."""
    return not commune.postal_codes or postcode.replace(" ", "") in commune.postal_codes


class CommuneForm(forms.Form):
    commune = CommuneChoiceField(
        label=_("Votre commune"),
        queryset=Commune.objects.only("insee_code", "name", "postal_codes"),
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

    # Optional, for a business buying: printed on each shop's invoice.
    company = forms.CharField(label=_("Raison sociale"), max_length=200, required=False)
    siren = forms.CharField(
        label=_("SIREN"), max_length=11, required=False, validators=[validate_siren]
    )
    vat_number = forms.CharField(
        label=_("Numéro de TVA intracommunautaire"),
        max_length=20,
        required=False,
        validators=[validate_vat_number],
    )
    billing_address = forms.CharField(
        label=_("Adresse de facturation"),
        max_length=255,
        required=False,
        help_text=_("Si elle diffère de l'adresse de livraison, ou pour un retrait."),
    )

    # Accepted anew at each purchase (checkout.drafts never keeps it); the page links the terms.
    accept_terms = forms.BooleanField(
        label=_("J'accepte les conditions générales de vente"),
        error_messages={
            "required": _("Acceptez les conditions générales de vente pour continuer.")
        },
    )

    ADDRESS_FIELDS = ("first_name", "last_name", "line1", "postcode", "city")
    INVOICE_FIELDS = ("company", "siren", "vat_number", "billing_address")

    def __init__(self, *args, groups, options, commune: Commune | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = groups
        self.commune = commune
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
                    (slot.key, slot_text(slot.starts_at, slot.ends_at))
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
            postcode = cleaned.get("postcode") or ""
            if (
                postcode
                and self.commune is not None
                and not commune_accepts_postcode(commune=self.commune, postcode=postcode)
            ):
                # Delivery fees and areas are decided by the chosen commune: an address
                # elsewhere would be delivered at the wrong price, or not at all.
                self.add_error(
                    "postcode",
                    _(
                        "Le code postal %(postcode)s n'est pas celui de %(commune)s "
                        "(%(codes)s). Indiquez une adresse dans cette commune, ou changez "
                        "de commune plus haut."
                    )
                    % {
                        "postcode": postcode,
                        "commune": self.commune.name,
                        "codes": ", ".join(self.commune.postal_codes),
                    },
                )
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

    def invoice_buyer(self) -> dict:
        """The business details for the invoices (Checkout.invoice_buyer), empty ones left out."""
        names = {"billing_address": "address"}
        return {
            names.get(key, key): self.cleaned_data.get(key, "").strip()
            for key in self.INVOICE_FIELDS
            if self.cleaned_data.get(key, "").strip()
        }

    def shipping_address(self) -> dict:
        keys = ("first_name", "last_name", "line1", "line2", "postcode", "city", "phone")
        return {key: self.cleaned_data.get(key, "") for key in keys}
