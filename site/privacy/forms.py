from django import forms
from django.utils.translation import gettext_lazy as _


class PrivacyRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        help_text=_("Celle que vous avez donnée en commandant."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ErasureConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "Je demande l'effacement de mes données personnelles. Je sais que cette action "
            "est définitive."
        ),
        required=True,
    )
